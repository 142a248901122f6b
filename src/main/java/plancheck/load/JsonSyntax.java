package plancheck.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.Text;

/**
 * What the JSON parser found wrong, in the user's words: Jackson's message (English, with advice to
 * programmers) recognised and told again in Chinese and English; a message it does not know is kept
 * in English, cleaned of the parser's internals.
 */
final class JsonSyntax {
    private JsonSyntax() {}

    private static final Pattern CHAR = Pattern.compile("^Unexpected character \\((.*?) \\(code \\d+\\)\\)(?: in numeric value)?: (.*)$", Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'(.*)$", Pattern.DOTALL);
    private static final Pattern EOF = Pattern.compile("^Unexpected end-of-input: expected close marker for (Object|Array)(.*)$", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*?)': was expecting.*$", Pattern.DOTALL);
    private static final Pattern OPENED = Pattern.compile(" \\(the (object|array) opened at line (\\d+), column (\\d+)\\)");

    /**
     * @param original the parser's message (without location), may be null
     * @return the problem in Chinese and English
     */
    static Text explain(String original) {
        String m = SubmissionReader.plainJsonMessage(original);
        Matcher x;
        if ((x = CHAR.matcher(m)).matches()) {
            String rest = x.group(2);
            String key = rest.startsWith("was expecting comma to separate Object") ? "json.expect-comma-object"
                    : rest.startsWith("was expecting comma to separate Array") ? "json.expect-comma-array"
                    : rest.startsWith("was expecting double-quote to start field name") ? "json.expect-name"
                    : rest.startsWith("was expecting a colon") ? "json.expect-colon"
                    : rest.startsWith("expected a valid value") || rest.startsWith("expected a value") ? "json.expect-value" : null;
            if (key != null) {
                String ch = Bounded.cut(x.group(1));
                String inner = ch.length() >= 2 && ch.startsWith("'") && ch.endsWith("'") ? ch.substring(1, ch.length() - 1) : ch;
                return wrap(Msg.text("json.unexpected-char", "char", new Text("“" + inner + "”", ch), "expected", Msg.text(key)));
            }
        } else if ((x = CLOSE.matcher(m)).matches()) {
            return wrap(Msg.text("json.close-marker", "found", x.group(1), "expected", x.group(2), "opened", opened(x.group(3))));
        } else if ((x = EOF.matcher(m)).matches()) {
            return wrap(Msg.text("json.eof", "what", Msg.text(x.group(1).equals("Object") ? "json.object" : "json.array"),
                    "opened", opened(x.group(2))));
        } else if ((x = TOKEN.matcher(m)).matches()) {
            return wrap(Msg.text("json.token", "token", Bounded.cut(x.group(1))));
        } else if (m.startsWith("Unexpected end-of-input in VALUE_STRING") || m.startsWith("Unexpected end-of-input: was expecting closing quote")) {
            return wrap(Msg.text("json.eof-string"));
        } else if (m.startsWith("Invalid numeric value: Leading zeroes not allowed")) {
            return wrap(Msg.text("json.leading-zero"));
        } else if (m.startsWith("Illegal unquoted character")) {
            return wrap(Msg.text("json.control-char"));
        } else if (m.startsWith("empty file")) {
            return wrap(Msg.text("json.empty"));
        } else if (m.startsWith("unexpected content after the end")) {
            return wrap(Msg.text("json.trailing"));
        }
        return wrap(Msg.text("json.other", "detail", Bounded.cut(m)));
    }

    private static Text opened(String tail) {
        Matcher o = OPENED.matcher(tail == null ? "" : tail);
        if (!o.find()) {
            return new Text("", "");
        }
        return Msg.text("json.opened", "what", Msg.text(o.group(1).equals("object") ? "json.object" : "json.array"),
                "line", o.group(2), "column", o.group(3));
    }

    private static Text wrap(Text detail) {
        return Msg.text("input.not-json", "detail", detail);
    }
}
