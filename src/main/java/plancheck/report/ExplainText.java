package plancheck.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import plancheck.model.Numbers;

/**
 * Turns a finding's JSON form (report.json, with its {@code explanation}, see {@link Explanation}) into
 * lines a person reads: the verdict and why, the rule and its clause, then the chain of values down to
 * the input pointers. Used by {@code plancheck explain} (text) and report.html (one block per finding).
 */
public final class ExplainText {
    private ExplainText() {}

    /**
     * One line of an explanation.
     *
     * @param level indentation level (0 = heading, 1 = a step, 2 = where a step's value came from)
     * @param text  the text
     * @param kind  "head", "verdict", "rule", "step", "from", "note"
     */
    public record Line(int level, String text, String kind) {}

    private static final Map<String, String[]> STATUS = Map.of(
            "VIOLATION", new String[] {"违规", "VIOLATION"},
            "WARNING", new String[] {"预警", "WARNING"},
            "PASS", new String[] {"达标", "PASS"},
            "NO_DATA", new String[] {"无数据", "NO_DATA"},
            "PENDING", new String[] {"待定", "PENDING"},
            "BASELINE", new String[] {"基期", "BASELINE"});

    private static final Map<String, String[]> STEP = Map.ofEntries(
            Map.entry("target", new String[] {"2030年目标", "2030 target"}),
            Map.entry("baseline", new String[] {"基期值", "baseline"}),
            Map.entry("year value", new String[] {"年度值", "year value"}),
            Map.entry("previous", new String[] {"上年值", "previous year"}),
            Map.entry("related", new String[] {"关联值", "related value"}),
            Map.entry("parameter", new String[] {"参数", "parameter"}),
            Map.entry("warnAt", new String[] {"预警线", "warning threshold"}),
            Map.entry("expected", new String[] {"应达值", "expected"}),
            Map.entry("actual", new String[] {"实际值", "actual"}),
            Map.entry("growth", new String[] {"增速", "growth"}),
            Map.entry("gap", new String[] {"差距", "gap"}),
            Map.entry("problem", new String[] {"问题", "problem"}),
            Map.entry("standard", new String[] {"适用标准", "standard applied"}),
            Map.entry("basis", new String[] {"口径变化参考值", "change of basis, reference"}),
            Map.entry("inputs", new String[] {"其他输入", "further inputs"}),
            Map.entry("projection", new String[] {"动态预警：2030年推算值", "early warning: 2030 projected"}));

    /** @return the status label in the language ("zh" or "en"). */
    public static String status(String s, String lang) {
        String[] l = STATUS.get(s);
        return l == null ? s : l["en".equals(lang) ? 1 : 0];
    }

    /**
     * @param f        a finding as in report.json (maps, lists, numbers, strings)
     * @param name     the indicator's display name, or null for the id alone
     * @param lang     "zh" or "en"
     * @param resolver gives a note on an input pointer (e.g. the value found there and whether the file
     *                 still has the recorded sha256), or null for none; called with {input, pointer}
     * @return the lines, in reading order
     */
    @SuppressWarnings("unchecked")
    public static List<Line> lines(Map<String, Object> f, String name, String lang,
                                   Function<Map<String, Object>, String> resolver) {
        boolean en = "en".equals(lang);
        List<Line> out = new ArrayList<>();
        String ind = String.valueOf(f.get("indicator"));
        String title = (name == null ? ind : name + "（" + ind + "）") + " · " + f.get("year") + (en ? " · " : "年 · ")
                + f.get("subject") + " — " + status(String.valueOf(f.get("status")), lang)
                + (en ? "" : " " + f.get("status"));
        out.add(new Line(0, title, "head"));
        Map<String, Object> msg = (Map<String, Object>) f.get("message");
        if (msg != null) {
            out.add(new Line(1, (en ? "Message: " : "说明：") + msg.get(en ? "en" : "zh"), "note"));
        }
        Map<String, Object> meta = (Map<String, Object>) f.get("ruleMeta");
        StringBuilder rule = new StringBuilder(en ? "Rule: " : "规则：").append('"').append(f.get("rule")).append('"');
        if (meta != null) {
            rule.append(en ? " (kind " : "（kind ").append(meta.get("kind"));
            if (meta.get("source") != null) {
                rule.append(en ? "; rule clause: " : "；规则依据：").append(meta.get("source"));
            }
            for (Map.Entry<String, Object> e : meta.entrySet()) {
                if (!List.of("name", "kind", "source", "package").contains(e.getKey())) {
                    rule.append("; @").append(e.getKey()).append(' ').append(e.getValue());
                }
            }
            rule.append(en ? ")" : "）");
        }
        out.add(new Line(1, rule.toString(), "rule"));
        Object binding = f.get("binding");
        out.add(new Line(1, (en ? "Plan clause: " : "规划依据：") + f.get("source") + (en ? " · " : " · ")
                + (Boolean.TRUE.equals(binding) ? (en ? "binding (约束性)" : "约束性") : (en ? "expected (预期性)" : "预期性")), "rule"));

        Map<String, Object> ex = (Map<String, Object>) f.get("explanation");
        if (ex == null) {
            return out;
        }
        Map<String, Object> v = (Map<String, Object>) ex.get("verdict");
        if (v != null) {
            Map<String, Object> why = (Map<String, Object>) v.get("why");
            if (why != null) {
                out.add(new Line(1, (en ? "Verdict: " : "判断：") + why.get(en ? "en" : "zh"), "verdict"));
            }
            Map<String, Object> t = (Map<String, Object>) v.get("test");
            if (t != null) {
                out.add(new Line(2, test(t, f.get("unit"), en, en ? "test" : "比较"), "verdict"));
            }
            Map<String, Object> w = (Map<String, Object>) v.get("warnTest");
            if (w != null) {
                out.add(new Line(2, test(w, f.get("unit"), en, en ? "warning threshold" : "预警线"), "verdict"));
            }
        }
        out.add(new Line(1, en ? "Chain:" : "计算链条：", "head"));
        for (Object o : (List<Object>) ex.getOrDefault("steps", List.of())) {
            Map<String, Object> s = (Map<String, Object>) o;
            step(out, s, 2, en, resolver);
        }
        List<Object> params = (List<Object>) ex.getOrDefault("parameters", List.of());
        for (Object o : params) {
            Map<String, Object> p = (Map<String, Object>) o;
            out.add(new Line(1, (en ? "Parameter " : "参数 ") + p.get("id") + " = " + num(p.get("value"))
                    + (en ? " — source: " : " — 依据：") + p.get("source") + " [" + p.get("input") + "]", "step"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void step(List<Line> out, Map<String, Object> s, int level, boolean en,
                             Function<Map<String, Object>, String> resolver) {
        String name = String.valueOf(s.get("name"));
        String[] label = STEP.get(name);
        String lab = label == null ? name : label[en ? 1 : 0];
        if (s.get("year") != null && !"actual".equals(name)) {
            lab += " " + s.get("year");
        }
        if (s.get("indicator") != null && ("related".equals(name))) {
            lab += " " + s.get("indicator");
        }
        StringBuilder b = new StringBuilder(lab);
        if (s.get("quantity") != null) {
            b = new StringBuilder(String.valueOf(s.get("quantity")));
        }
        if (s.get("value") != null) {
            b.append(" = ").append(num(s.get("value")));
            if (s.get("unit") != null) {
                b.append(' ').append(s.get("unit"));
            }
        } else if (s.get("code") != null) {
            b.append(": ").append(s.get("code"));
        }
        if (s.get("formula") != null) {
            b.append("   = ").append(s.get("formula"));
        }
        Map<String, Object> how = (Map<String, Object>) s.get("how");
        if (how != null) {
            b.append("   ← ").append(how.get(en ? "en" : "zh"));
        }
        if (s.get("rule") != null) {
            b.append(en ? " [rule \"" : " [规则“").append(s.get("rule")).append(en ? "\"]" : "”]");
        }
        out.add(new Line(level, b.toString(), "step"));
        for (Object o : (List<Object>) s.getOrDefault("from", List.of())) {
            Map<String, Object> e = (Map<String, Object>) o;
            String r = resolver == null ? null : resolver.apply(e);
            String count = e.get("records") == null ? ""
                    : en ? " (" + e.get("records") + " records, each listed in the finding's evidence)"
                    : "（" + e.get("records") + "条记录，逐条见该结论的evidence）";
            out.add(new Line(level + 1, "↳ " + e.get("input") + "#" + e.get("pointer") + count
                    + (r == null || r.isEmpty() ? "" : "   " + r), "from"));
        }
        Object der = s.get("derivation");
        if (der instanceof List<?> l && !l.isEmpty()) {
            out.add(new Line(level + 1, en ? "derivation:" : "推算过程：", "head"));
            for (Object o : l) {
                step(out, (Map<String, Object>) o, level + 2, en, resolver);
            }
        }
    }

    private static String test(Map<String, Object> t, Object unit, boolean en, String label) {
        boolean holds = Boolean.TRUE.equals(t.get("holds"));
        return label + ": " + num(t.get("actual")) + " " + t.get("comparator") + " " + num(t.get("expected"))
                + (holds ? (en ? " holds" : " 成立") : (en ? " does not hold" : " 不成立"))
                + (en ? ", margin " : "，余量 ") + num(t.get("margin")) + (unit == null ? "" : " " + unit);
    }

    /** @return a number in plain notation (no exponent, no trailing zeros), "—" for null. */
    public static String num(Object o) {
        if (o == null) {
            return "—";
        }
        BigDecimal d = Explanation.dec(o);
        return d == null ? String.valueOf(o) : Numbers.plain(d);
    }

    /** @return the lines as text, two spaces per level, ending in a newline. */
    public static String render(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            b.append("  ".repeat(l.level())).append(l.text()).append('\n');
        }
        return b.toString();
    }
}
