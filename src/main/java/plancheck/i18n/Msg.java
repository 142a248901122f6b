package plancheck.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import plancheck.model.Text;

/**
 * The tool's own messages (command line, input errors, service pages) in Chinese and English, read
 * from {@code src/main/resources/plancheck/i18n/<area>.yaml}: a key {@code input.not-json} lives in
 * {@code input.yaml} as {@code messages: {input.not-json: {zh: …, en: …}}}. Placeholders are written
 * {@code {name}} and filled from name/value pairs. Chinese is the default language.
 *
 * <p>An unknown key, or a placeholder left unfilled, is a programming error: it throws
 * {@link IllegalStateException} (the tests of {@code MsgTest} read every file).
 */
public final class Msg {
    private Msg() {}

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Map<String, Map<String, Text>> AREAS = new ConcurrentHashMap<>();

    /**
     * @param key  e.g. {@code input.not-json}
     * @param args name/value pairs: {@code "file", "a.json", "line", 3}; a value that is a {@link Text}
     *             fills each language with its own wording
     * @return the message in both languages, placeholders filled
     */
    public static Text text(String key, Object... args) {
        Text t = template(key);
        return new Text(fill(key, t.zh(), args, "zh"), fill(key, t.en(), args, "en"));
    }

    /**
     * @param lang "zh" or "en" (anything but "en" is Chinese)
     * @param key  the message key
     * @param args name/value pairs
     * @return the message in that language
     */
    public static String get(String lang, String key, Object... args) {
        return fill(key, template(key).in(lang), args, lang);
    }

    /** @return the template of a key, unfilled. */
    public static Text template(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalStateException("message key without an area: " + key);
        }
        Map<String, Text> area = AREAS.computeIfAbsent(key.substring(0, dot), Msg::load);
        Text t = area.get(key);
        if (t == null) {
            throw new IllegalStateException("no message " + key + " in plancheck/i18n/" + key.substring(0, dot) + ".yaml");
        }
        return t;
    }

    /** @return every key of an area file, with its texts (for the tests). */
    public static Map<String, Text> area(String area) {
        return AREAS.computeIfAbsent(area, Msg::load);
    }

    private static Map<String, Text> load(String area) {
        String res = "/plancheck/i18n/" + area + ".yaml";
        try (InputStream in = Msg.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("no message file " + res);
            }
            JsonNode root = YAML.readTree(in).path("messages");
            Map<String, Text> m = new java.util.TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode zh = e.getValue().path("zh");
                JsonNode en = e.getValue().path("en");
                if (!zh.isTextual() || !en.isTextual()) {
                    throw new IllegalStateException(res + ": " + e.getKey() + " needs both zh and en");
                }
                m.put(e.getKey(), new Text(zh.asText(), en.asText()));
            }
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    private static String fill(String key, String template, Object[] args, String lang) {
        if (args.length % 2 != 0) {
            throw new IllegalStateException("message " + key + ": arguments must be name/value pairs");
        }
        Map<String, String> vals = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            Object v = args[i + 1];
            vals.put(String.valueOf(args[i]), v instanceof Text t ? t.in(lang) : String.valueOf(v));
        }
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = vals.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("message " + key + ": placeholder {" + m.group(1) + "} not given");
            }
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(v));
        }
        return m.appendTail(b).toString();
    }
}
