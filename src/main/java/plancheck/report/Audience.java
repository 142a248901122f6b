package plancheck.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.model.Bureau;
import plancheck.model.Bureaus;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Numbers;
import plancheck.model.PlanTarget;
import plancheck.model.Text;

/**
 * Who a report speaks to and about: the plan's units (责任单位), who submitted each input (its
 * {@code submitter} matched to a unit), and the unit a report centres on when it checks one unit's own
 * file ({@code --bureau}, or found when every input comes from the same unit). It also turns the
 * texts of findings into what an officer reads: indicator ids as names, input files as the units that
 * filed them, ≥ and ≤, numbers rounded to the indicator's precision, no references to the contract.
 */
public final class Audience {

    private final Bureaus bureaus;
    private final Map<String, String> submitterOf;
    private final Map<String, List<Bureau>> unitsOf = new TreeMap<>();
    private final Bureau focus;
    private final Map<String, PlanTarget> targets = new TreeMap<>();
    private final Map<String, Text> names = new TreeMap<>();

    /**
     * @param bureaus     the plan's units
     * @param targets     the catalogue
     * @param submitterOf input file → its submitter as written (null or empty when unknown)
     * @param focus       the unit the report centres on, or null
     */
    public Audience(Bureaus bureaus, List<PlanTarget> targets, Map<String, String> submitterOf, Bureau focus) {
        this.bureaus = bureaus;
        this.submitterOf = new TreeMap<>(submitterOf);
        this.focus = focus;
        targets.forEach(t -> this.targets.put(t.id(), t));
        this.submitterOf.forEach((f, s) -> unitsOf.put(f, bureaus.match(s)));
    }

    /**
     * @param names names of the figures a plan adds up that are not catalogue targets (the townships'
     *              accident counts …), by id
     * @return this audience, which shows those ids by their names
     */
    public Audience named(Map<String, Text> names) {
        this.names.putAll(names);
        return this;
    }

    /** @return the name of a catalogue target or of another figure of the plan in the language, or null */
    public String nameOf(String id, String lang) {
        PlanTarget t = targets.get(id);
        Text n = t != null ? t.name() : names.get(id);
        return n == null ? null : n.in(lang);
    }

    /** @return an audience that knows the catalogue only (no units, no submitters) */
    public static Audience of(List<PlanTarget> targets) {
        return new Audience(Bureaus.none(), targets, Map.of(), null);
    }

    /**
     * The unit every input comes from, when they all come from one.
     *
     * @param bureaus     the plan's units
     * @param submitterOf input → submitter
     * @return the one unit, or null
     */
    public static Bureau soleUnit(Bureaus bureaus, Map<String, String> submitterOf) {
        Set<Bureau> common = null;
        for (String s : submitterOf.values()) {
            Set<Bureau> m = new LinkedHashSet<>(bureaus.match(s));
            if (common == null) {
                common = m;
            } else {
                common.retainAll(m);
            }
        }
        return common != null && common.size() == 1 ? common.iterator().next() : null;
    }

    /** @return the unit the report centres on, or null */
    public Bureau focus() { return focus; }

    /** @return the plan's units */
    public Bureaus bureaus() { return bureaus; }

    /** @return the catalogue */
    public List<PlanTarget> targetsList() { return List.copyOf(targets.values()); }

    /** @return the target of an indicator, or null */
    public PlanTarget target(String id) { return targets.get(id); }

    /** @return the unit that answers for a finding's indicator, or null */
    public Bureau lead(Finding f) {
        PlanTarget t = targets.get(f.indicator());
        return t == null ? null : bureaus.get(t.lead());
    }

    /** @return true when the focus unit answers for the finding's indicator (first or with others) */
    public boolean mine(Finding f) {
        PlanTarget t = targets.get(f.indicator());
        return focus != null && t != null && t.responsible().contains(focus.id());
    }

    /** @return a unit's short name in the language */
    public static String name(Bureau b, String lang) {
        return b == null ? ("en".equals(lang) ? "unit not assigned" : "未指定责任单位") : b.name().in(lang);
    }

    /** @return the units (or, unmatched, the submitter as written) that filed the inputs of a finding */
    public List<String> filedBy(Finding f, String lang) {
        Set<String> out = new LinkedHashSet<>();
        String prev = null;
        for (Evidence e : f.evidence()) {
            if (e.input().equals(prev)) {
                continue; // the records of one file follow each other: one filer
            }
            prev = e.input();
            String who = filer(e.input(), lang);
            if (who != null) {
                out.add(who);
            }
        }
        return new ArrayList<>(out);
    }

    /** @return who filed an input: its units, its submitter as written, or null for a rules file */
    public String filer(String input, String lang) {
        if (!submitterOf.containsKey(input)) {
            // the plan's own figures (its catalogue, its city-assigned values); the rules' files are no filer
            boolean plan = (input.endsWith(".yaml") || input.endsWith(".yml")) && (input.contains("/catalogue/")
                    || input.startsWith("plans/") || input.contains("/plans/"));
            return plan ? ("en".equals(lang) ? "the plan" : "规划纲要") : null;
        }
        List<Bureau> units = unitsOf.getOrDefault(input, List.of());
        if (!units.isEmpty()) {
            return String.join("en".equals(lang) ? ", " : "、", units.stream().map(b -> b.name().in(lang)).toList());
        }
        String s = submitterOf.get(input);
        if (s == null || s.isBlank()) {
            return input.substring(input.lastIndexOf('/') + 1);
        }
        String t = REMARK.matcher(s).replaceAll("").strip();
        return plancheck.model.Bounded.cut(t.isEmpty() ? s : t);
    }

    /** One figure of another unit a target's judgement needs. */
    public record Dependency(String indicator, Text name, Bureau unit, boolean available) {}

    /**
     * @param f        a finding of the focus unit
     * @param findings all findings of the report
     * @param region   the region
     * @return the figures of other units it needs, and whether each is there that year
     */
    public List<Dependency> dependencies(Finding f, List<Finding> findings, String region) {
        PlanTarget t = targets.get(f.indicator());
        List<Dependency> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        List<String> needs = new ArrayList<>(t.needs());
        if (t.related() != null && !needs.contains(t.related())) {
            needs.add(t.related());
        }
        for (String n : needs) {
            PlanTarget nt = targets.get(n);
            Bureau u = nt == null ? null : bureaus.get(nt.lead());
            if (u != null && focus != null && u.id().equals(focus.id())) {
                continue;
            }
            boolean there = findings.stream().anyMatch(x -> x.indicator().equals(n) && x.year() == f.year()
                    && x.subject().equals(region) && x.actual() != null);
            out.add(new Dependency(n, nt == null ? new Text(n, n) : nt.name(), u, there));
        }
        return out;
    }

    /**
     * @return true when the finding has no verdict because a figure of another unit is missing (the
     *         report says "cannot be judged yet", not NO_DATA)
     */
    public boolean waiting(Finding f, List<Finding> findings, String region) {
        return f.actual() == null && f.status() != plancheck.model.Status.PENDING
                && dependencies(f, findings, region).stream().anyMatch(d -> !d.available());
    }

    // ---- texts for officers ------------------------------------------------------------------

    /**
     * @param t a target (may be null)
     * @return the decimals its figures are shown with: as many as the plan's own numbers for it have,
     *         at least one for a non-count unit
     */
    public static int precision(PlanTarget t) {
        if (t == null) {
            return 2;
        }
        int p = 0;
        for (BigDecimal d : new BigDecimal[] {t.baselineValue(), t.targetValue(), t.warnAt(),
                t.baseline() == null ? null : t.baseline().periodAverage(),
                t.target() == null ? null : t.target().cumulative()}) {
            if (d != null) {
                p = Math.max(p, Math.max(0, d.stripTrailingZeros().scale()));
            }
        }
        boolean count = List.of("起", "个", "家", "件", "项", "所", "场", "户", "头", "人", "张").contains(t.unit());
        return count ? p : Math.max(p, 1);
    }

    /**
     * A number as a report shows it: rounded to the indicator's precision (at most two decimals more
     * than that are kept when written: 0.95 stays 0.95; 28.571429 becomes 28.57), with more decimals only where
     * rounding would make it equal a threshold it is not equal to (0.0153 stays 0.0153 beside ≤ 0.015).
     *
     * @param v      the number (null: "—")
     * @param t      its target (may be null)
     * @param guards thresholds it is compared with (nulls ignored)
     * @return the text
     */
    public static String number(BigDecimal v, PlanTarget t, BigDecimal... guards) {
        if (v == null) {
            return "—";
        }
        BigDecimal s = v.stripTrailingZeros();
        // the indicator's precision; a figure written with two decimals (0.95) keeps them
        int p = Math.max(precision(t), Math.min(Math.max(0, s.scale()), 2));
        if (s.scale() <= p) {
            return Numbers.plain(v);
        }
        for (int d = p; d <= Math.min(s.scale(), 12); d++) {
            BigDecimal r = s.setScale(d, RoundingMode.HALF_UP);
            boolean ok = true;
            for (BigDecimal g : guards) {
                if (g != null && Integer.signum(r.compareTo(g)) != Integer.signum(v.compareTo(g))) {
                    ok = false;
                }
            }
            if (ok) {
                return Numbers.plain(r);
            }
        }
        return Numbers.plain(v);
    }

    /** @return ≥ ≤ > < for a comparator, or "" */
    public static String symbol(String comparator) {
        if (comparator == null) {
            return "";
        }
        return switch (comparator) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> comparator;
        };
    }

    /** Quantities of the rules' derivations that are not indicators: their Chinese names. */
    private static final Map<Pattern, String> QUANTITIES_ZH = Map.of(
            Pattern.compile("(?<![A-Za-z_])deaths(?![A-Za-z_])"), "死亡人数",
            Pattern.compile("(?<![A-Za-z_])accidents(?![A-Za-z_])"), "事故起数");
    private static final Pattern REMARK = Pattern.compile("[（(][^（）()]*[）)]");
    private static final Pattern RULE_ZH = Pattern.compile("规则“[^”]*”");
    private static final Pattern RULE_EN = Pattern.compile("\\brule \"[^\"]*\"");
    private static final Pattern PARAM_BRACKETS = Pattern.compile("[（(](?:参数|parameters?)\\s*[A-Za-z0-9_.、, ]+[）)]");
    private static final Pattern PARAM_ZH = Pattern.compile(
            "参数\\s*[a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+(?:\\s*[、,和]\\s*[a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+)*");
    private static final Pattern PARAM_EN = Pattern.compile(
            "parameters?\\s+[a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+(?:\\s*(?:,|and)\\s*[a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+)*");

    private static final Pattern FILE = Pattern.compile(
            "(?<![\\w\\u4e00-\\u9fff.-])([^\\s（）()：:，,；;“”\"]+\\.(?:json|xlsx|xlsm|csv|yaml|yml))(#/[A-Za-z0-9_/~.+-]*|#[A-Za-z0-9_][A-Za-z0-9_./-]*(?![!A-Za-z0-9_])|#'?[^\\s（）()，,；;!#]+'?![A-Z]{1,3}\\d+(?::[A-Z]{1,3}\\d+)?|\\s+'?[^\\s）)，,；;!]+'?![A-Z]{1,3}\\d+(?::[A-Z]{1,3}\\d+)?)?");
    private static final Pattern HAS_FILE = Pattern.compile("\\.(?:json|xlsx|xlsm|csv|yaml|yml)(?![A-Za-z])");
    private static final Pattern ID = Pattern.compile("(?<![A-Za-z0-9_./#-])([a-z][a-z0-9]*(?:_[a-z0-9]+)*)(?![A-Za-z0-9_])");
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.])(-?\\d+\\.\\d+)(?![\\w.])");
    private static final Pattern CONTRACT = Pattern.compile("[（(][^（）()]*(?:契约|合同|contract)\\s*§[^（）()]*[）)]|(?:[；;]\\s*)?(?:契约|合同|contract)\\s*§\\s*\\d+(?:(?! ·)[^；;。（）()]|[（(][^（）()]*[）)])*");

    /**
     * A finding's text as an officer reads it: input files named by the unit that filed them (a
     * workbook's cell kept), indicator ids by their names, ≥ and ≤, long decimals rounded, references
     * to the contract left out.
     *
     * @param text the text (a message, a note)
     * @param f    the finding it belongs to (for the precision of its numbers)
     * @param lang "zh" or "en"
     * @return the text
     */
    public String readable(String text, Finding f, String lang) {
        if (text == null) {
            return "";
        }
        boolean en = "en".equals(lang);
        String s = text.replace(">=", "≥").replace("<=", "≤");
        // each pattern only where its literal part occurs (most texts have none: one scan instead of a match)
        // the rules' names: in plancheck explain and report.json
        if (s.contains("规则“")) {
            s = RULE_ZH.matcher(s).replaceAll("规则");
        }
        if (s.contains("rule \"")) {
            s = RULE_EN.matcher(s).replaceAll("a rule");
        }
        // parameter ids (co2_intensity_reduction.target): in plancheck explain and report.json
        boolean zhParam = s.contains("参数");
        boolean enParam = s.contains("parameter");
        if (zhParam || enParam) {
            s = PARAM_BRACKETS.matcher(s).replaceAll("");
        }
        if (zhParam) {
            s = PARAM_ZH.matcher(s).replaceAll("市级下达参数");
        }
        if (enParam) {
            s = PARAM_EN.matcher(s).replaceAll("a parameter");
        }
        if (s.contains("§")) {
            s = CONTRACT.matcher(s).replaceAll("");
        }
        // the file pattern is costly on long texts without spaces: only where a file is named
        boolean files = HAS_FILE.matcher(s).find();
        Matcher m = FILE.matcher(files ? s : "");
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String who = filer(m.group(1), lang);
            if (who == null) {
                who = m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
            }
            String tail = m.group(2) == null ? "" : m.group(2).strip();
            boolean plan = m.group(1).endsWith(".yaml") || m.group(1).endsWith(".yml");
            String cell = plan ? "" : tail.startsWith("#/") ? list(tail.substring(1), lang) : tail.startsWith("#") ? tail.substring(1) : tail;
            m.appendReplacement(b, Matcher.quoteReplacement(cell.isEmpty() ? who : who + " " + cell));
        }
        if (files) {
            m.appendTail(b);
            s = b.toString();
        }
        // after the files: a pointer such as #/accidents/0 is the sheet's row, not the quantity
        if (!en && (s.contains("deaths") || s.contains("accidents"))) {
            for (Map.Entry<Pattern, String> q : QUANTITIES_ZH.entrySet()) {
                s = q.getKey().matcher(s).replaceAll(q.getValue());
            }
        }
        if (s.chars().anyMatch(c -> c >= 'a' && c <= 'z')) { // an indicator id has a lower-case letter
            Matcher i = ID.matcher(s);
            b = new StringBuilder();
            while (i.find()) {
                PlanTarget t = targets.get(i.group(1));
                boolean replace = t != null && (!en || i.group(1).contains("_"));
                i.appendReplacement(b, Matcher.quoteReplacement(replace ? (en ? t.name().en() : t.name().zh()) : i.group(1)));
            }
            i.appendTail(b);
            s = b.toString();
        }
        b = new StringBuilder();
        if (s.indexOf('.') >= 0) { // a decimal has a point
            int d = Math.max(1, precision(targets.get(f == null ? null : f.indicator()))) + 1;
            Matcher n = DECIMAL.matcher(s);
            while (n.find()) {
                BigDecimal v = new BigDecimal(n.group(1));
                String r = v.scale() > d ? Numbers.plain(v.setScale(d, RoundingMode.HALF_UP)) : n.group(1);
                n.appendReplacement(b, Matcher.quoteReplacement(r));
            }
            n.appendTail(b);
        } else {
            b.append(s);
        }
        return b.toString().replace("（）", "").replace("()", "").replace("。。", "。").strip();
    }

    /** A JSON pointer of a list (/accidents, /accidents/3) as the sheet it is in a workbook. */
    private static String list(String pointer, String lang) {
        boolean en = "en".equals(lang);
        Map<String, String[]> names = new LinkedHashMap<>();
        names.put("accidents", new String[] {"生产安全事故", "accidents"});
        names.put("waterSamples", new String[] {"水质监测", "water samples"});
        names.put("airDaily", new String[] {"空气质量日均值", "daily air quality"});
        names.put("energyUse", new String[] {"能源消费", "energy use"});
        names.put("cropOutput", new String[] {"农作物产量", "crop output"});
        names.put("indicators", new String[] {"指标", "indicators"});
        String[] parts = pointer.split("/");
        if (parts.length >= 2 && names.containsKey(parts[1])) {
            String n = names.get(parts[1])[en ? 1 : 0];
            return parts.length >= 3 && parts[2].matches("\\d{1,9}") ? (en ? n + " #" + (Integer.parseInt(parts[2]) + 1) : n + "第" + (Integer.parseInt(parts[2]) + 1) + "条") : n;
        }
        return "";
    }

    /** @return a clause as an officer reads it: the plan's and standards' clauses, not the contract's */
    public String clause(String source) {
        if (source == null) {
            return "";
        }
        List<String> keep = new ArrayList<>();
        for (String part : source.split("[；;]")) {
            String p = part.strip();
            if (!p.isEmpty() && !p.contains("contract") && !p.contains("契约") && !p.contains("§") && !HAS_FILE.matcher(p).find()) {
                keep.add(p);
            }
        }
        return String.join("；", keep);
    }
}
