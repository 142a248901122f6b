package plancheck.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import plancheck.model.DerivationStep;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Observation;
import plancheck.model.Parameter;
import plancheck.model.PlanTarget;
import plancheck.model.PlanYear;
import plancheck.model.Status;
import plancheck.model.Text;

/**
 * The global {@code out} of every DRL file: builds {@link Finding}s from inside a rule's consequence,
 * stamped with the rule's name and metadata ({@code @kind}, {@code @source}), and fills the message
 * templates of {@code rules/messages/*.yaml}.
 *
 * <p>Usage in DRL: {@code insert(out.finding(drools, $t, $y).status(Status.PASS).actual($o)
 * .expected(e).message("path.pass").build());}
 *
 * <p>For the audit record every finding's details also get (report.json, docs/audit.md):
 * {@code ruleMeta} (the rule's name and all its metadata), {@code observations} (every observation the
 * rule used: indicator, year, value, unit, stage, origin, evidence, and for a derived one the rule that
 * derived it) and, when the judged value was derived, {@code derivation} (the chain of steps down to the
 * input pointers, from {@link Observation#steps()} or, when a rule gives none, from its detail text and
 * evidence).
 */
public final class Emit {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    private final Map<String, Text> messages;
    private final List<String> problems = new ArrayList<>();

    /** How a message of rules/messages opens when it reports a data problem (docs/adding-a-rule.md). */
    public static final String DATA_PROBLEM_ZH = "数据问题";
    private final Map<Object, Rule> derivedBy = new IdentityHashMap<>();

    /** @param messages message templates by key */
    public Emit(Map<String, Text> messages) {
        this.messages = messages;
    }

    /** @return defects found while building findings (unknown message keys, unfilled placeholders). */
    public List<String> problems() { return problems; }

    /**
     * Records which rule inserted a fact (the engine calls this for every fact a rule inserts), so that
     * a finding on a derived {@link Observation} can name the rule that derived it.
     *
     * @param fact the inserted fact
     * @param rule the rule whose consequence inserted it, or null for facts inserted from outside
     */
    public void inserted(Object fact, Rule rule) {
        if (rule != null && fact instanceof Observation) {
            derivedBy.put(fact, rule);
        }
    }

    /**
     * Starts a finding on a catalogue target for a year; subject = the region.
     *
     * @param drools the rule's context ({@code drools} in a DRL consequence)
     * @param t      the target
     * @param y      the year
     * @return a builder
     */
    public Builder finding(RuleContext drools, PlanTarget t, PlanYear y) {
        return new Builder(drools.getRule(), t.id(), y.year(), y.region())
                .target(t);
    }

    /**
     * Starts a finding on a catalogue target for a year with another subject than the region (the annual
     * plan's target, a township's assigned target): binding, target, comparator, unit, source and names from
     * the catalogue.
     *
     * @param drools  the rule's context
     * @param t       the target
     * @param y       the year
     * @param subject e.g. {@code 垫江县·年度计划}, or a township's name
     * @return a builder
     */
    public Builder finding(RuleContext drools, PlanTarget t, PlanYear y, String subject) {
        return new Builder(drools.getRule(), t.id(), y.year(), subject).target(t);
    }

    /**
     * Starts a finding on anything else (a record, a derived quantity): indicator and subject given.
     *
     * @param drools    the rule's context
     * @param indicator the indicator id it concerns
     * @param year      the year
     * @param subject   the subject (a section, station, accident id, or the region)
     * @return a builder
     */
    public Builder finding(RuleContext drools, String indicator, int year, String subject) {
        return new Builder(drools.getRule(), indicator, year, subject);
    }

    /** Collects the fields of one finding. */
    public final class Builder {
        private final Rule rule;
        private final String indicator;
        private final int year;
        private final String subject;
        private Status status;
        private boolean binding;
        private BigDecimal actual;
        private BigDecimal expected;
        private BigDecimal target;
        private String comparator;
        private String unit;
        private String source;
        private PlanTarget planTarget;
        /** Collected in any order, sorted and made distinct once, at build (sorted runs sort in linear time). */
        private final List<Evidence> evidence = new ArrayList<>();
        private final SortedMap<String, Object> details = new TreeMap<>();
        private final Map<String, String> args = new TreeMap<>();
        private Text message;
        private final List<Text> notes = new ArrayList<>();
        private final Map<String, Observation> used = new LinkedHashMap<>();
        private Observation judged;

        Builder(Rule rule, String indicator, int year, String subject) {
            this.rule = rule;
            this.indicator = indicator;
            this.year = year;
            this.subject = subject;
        }

        /** Takes binding, 2030 target, comparator, unit, source and names from a catalogue target. */
        public Builder target(PlanTarget t) {
            this.planTarget = t;
            this.binding = t.binding();
            this.target = t.targetValue();
            this.comparator = t.comparator() == null ? null : t.comparator().symbol();
            this.unit = t.unit();
            this.source = t.source();
            details.put("targetText", t.target() == null ? null : t.target().text());
            if (t.baseline() != null) {
                details.put("baselineText", t.baseline().text());
            }
            details.put("judge", t.judge());
            if (t.file() != null) {
                details.put("catalogue", t.file() + "#" + t.id());
            }
            args.put("name", t.name().zh());
            args.put("name_en", t.name().en());
            if (t.note() != null) {
                notes.add(t.note());
            }
            return this;
        }

        /** @param s the verdict */
        public Builder status(Status s) { this.status = s; return this; }

        /** Overrides whether the finding is binding. */
        public Builder binding(boolean b) { this.binding = b; return this; }

        /** @param unit the unit of actual/expected/target */
        public Builder unit(String unit) { this.unit = unit; return this; }

        /** @param source the clause(s) the verdict rests on */
        public Builder source(String source) { this.source = source; return this; }

        /** @param c the comparator symbol */
        public Builder comparator(String c) { this.comparator = c; return this; }

        /** @param v the 2030 target (overrides the catalogue's, e.g. a city-assigned parameter) */
        public Builder targetValue(BigDecimal v) { this.target = v; return this; }

        /** The observation judged: its value, evidence, and how it was obtained. */
        public Builder actual(Observation o) {
            this.actual = o.value();
            this.judged = o;
            use(o);
            if (this.unit == null) {
                this.unit = o.unit();
            }
            this.evidence.addAll(o.evidence());
            if (o.detail() != null) {
                notes.add(o.detail());
            }
            if (o.caliber() != null) {
                details.put("caliber", o.caliber());
            } else if (planTarget != null && planTarget.caliber() != null) {
                details.put("caliber", "unspecified");
            }
            if (o.derived()) {
                details.put("origin", "derived");
            }
            if ("preliminary".equals(o.stage())) {
                details.put("stage", "preliminary");
            }
            return this;
        }

        /** @param v the value judged, when it is not an observation */
        public Builder actual(BigDecimal v) { this.actual = v; return this; }

        /** @param v what the year had to reach */
        public Builder expected(BigDecimal v) { this.expected = v; return this; }

        /** Adds evidence from more observations (e.g. the years of a running average). */
        public Builder evidenceOf(Collection<?> observations) {
            for (Object o : observations) {
                evidence.addAll(((Observation) o).evidence());
                use((Observation) o);
            }
            return this;
        }

        private void use(Observation o) {
            used.putIfAbsent(String.format("%06d|%s|%s", o.year(), o.indicator(), System.identityHashCode(o)), o);
        }

        /** Adds one evidence pointer. */
        public Builder evidence(Evidence e) { evidence.add(e); return this; }

        /** Records a parameter used, with its source, and makes it available as {@code {param}}. */
        public Builder parameter(Parameter p) {
            details.put("parameter", p.id());
            details.put("parameterSource", p.source());
            if (p.value() != null) {
                details.put("parameterValue", p.value());
            }
            evidence.add(new Evidence(p.file(), p.id()));
            return this;
        }

        /** Adds a named value to the finding's details and to the message's placeholders. */
        public Builder detail(String key, Object value) {
            details.put(key, value instanceof BigDecimal d ? PlanMath.tidy(d) : value);
            return this;
        }

        /** Adds a placeholder value for the message only. */
        public Builder arg(String key, Object value) {
            args.put(key, value instanceof BigDecimal d ? plain(d) : String.valueOf(value));
            return this;
        }

        /**
         * Drops the notes gathered so far (the catalogue's note on the target): for findings on another subject
         * than the region, where the note about the county's target does not apply.
         */
        public Builder withoutNotes() { notes.clear(); return this; }

        /** Adds a sentence shown after the message. */
        public Builder note(Text t) { if (t != null) notes.add(t); return this; }

        /** @param key a key of rules/messages/*.yaml; placeholders are filled at {@link #build()} */
        public Builder message(String key) {
            Text t = messages.get(key);
            if (t == null) {
                problems.add("rule \"" + rule.getName() + "\" uses message key \"" + key
                        + "\", which no file in rules/messages defines");
                t = new Text("[" + key + "]", "[" + key + "]");
            }
            this.message = t;
            return this;
        }

        /** @return the finding, with margin and gap computed where the numbers allow */
        public Finding build() {
            if (status == null) {
                throw new IllegalStateException("rule " + rule.getName() + " built a finding without a status");
            }
            if (actual != null && expected != null && comparator != null) {
                BigDecimal margin = PlanMath.tidy(plancheck.model.Comparator.parse(comparator).margin(actual, expected));
                details.put("margin", margin);
                // A value exactly at a strict threshold (">" 超过/突破, "<") falls short by a margin of 0.
                if (margin.signum() < 0
                        || !plancheck.model.Comparator.parse(comparator).meets(actual, expected)) {
                    args.put("shortfall", plain(margin.negate()));
                }
            }
            Map<String, Object> meta = rule.getMetaData();
            String kind = meta.get("kind") == null ? null : String.valueOf(meta.get("kind"));
            if (meta.get("source") != null) {
                details.put("ruleSource", String.valueOf(meta.get("source")));
            }
            details.put("ruleMeta", metaOf(rule));
            if (status == Status.WARNING && message != null && message.zh().startsWith(DATA_PROBLEM_ZH)) {
                // rules/messages: a warning whose text opens with 数据问题 says the figure, not the target, is wrong
                details.put("dataProblem", true);
            }
            if (!used.isEmpty()) {
                List<Object> obs = new ArrayList<>();
                used.values().stream()
                        .sorted(java.util.Comparator.comparingInt(Observation::year).thenComparing(Observation::indicator))
                        .forEach(o -> obs.add(observation(o)));
                details.put("observations", obs);
            }
            if (judged != null && judged.derived()) {
                details.put("derivation", derivation(judged));
            }
            if (source == null && meta.get("source") != null) {
                source = String.valueOf(meta.get("source"));
            }
            Text m = message == null ? new Text("", "") : new Text(fill(message.zh()), fill(message.en()));
            for (Text n : notes) {
                m = new Text(join(m.zh(), n.zh(), "。"), join(m.en(), n.en(), ". "));
            }
            details.values().removeIf(java.util.Objects::isNull);
            return new Finding(rule.getName(), kind, indicator, year, subject, status, binding, actual, expected,
                    target, comparator, unit, source, sortedDistinct(evidence), m, details);
        }

        /** "2026" for the first year of the plan, "2026—2028" later: the years a running figure covers. */
        private String period() {
            Object y = details.get("firstYear");
            int first = y instanceof Integer i ? i : year;
            return first >= year ? String.valueOf(year) : first + "—" + year;
        }

        /**
         * @return the value of a message placeholder: the finding's year, subject, indicator, numbers, unit
         *         and comparator; else an {@link #arg}; else the period; else a detail (numbers in plain
         *         notation); null when there is none. Only the placeholders a message names are made into text.
         */
        private String placeholder(String k) {
            switch (k) {
                case "year": return String.valueOf(year);
                case "subject": return subject;
                case "indicator": return indicator;
                case "actual": return plain(actual);
                case "expected": return plain(expected);
                case "target": return plain(target);
                case "unit": return unit == null ? "" : unit;
                case "comparator": return comparator == null ? "" : comparator;
                default: break;
            }
            String a = args.get(k);
            if (a != null) {
                return a;
            }
            if ("period".equals(k)) {
                return period();
            }
            if (details.containsKey(k)) {
                Object v = details.get(k);
                return v instanceof BigDecimal d ? plain(d) : String.valueOf(v);
            }
            return null;
        }

        private String fill(String template) {
            Matcher mt = PLACEHOLDER.matcher(template);
            StringBuilder b = new StringBuilder(template.length() + 64);
            int at = 0;
            while (mt.find()) {
                String v = placeholder(mt.group(1));
                if (v == null) {
                    problems.add("rule \"" + rule.getName() + "\": message placeholder {" + mt.group(1)
                            + "} has no value");
                    v = "{" + mt.group(1) + "}";
                }
                b.append(template, at, mt.start()).append(v); // the value as it is (no replacement syntax)
                at = mt.end();
            }
            return b.append(template, at, template.length()).toString();
        }
    }

    private final Map<Rule, SortedMap<String, Object>> metas = new IdentityHashMap<>();

    /** @return {@link #ruleMeta}, one shared unmodifiable map per rule (100,000 findings of one rule share it) */
    private SortedMap<String, Object> metaOf(Rule rule) {
        return metas.computeIfAbsent(rule, r -> java.util.Collections.unmodifiableSortedMap(ruleMeta(r)));
    }

    /** @return the evidence sorted, each once */
    static List<Evidence> sortedDistinct(List<Evidence> evidence) {
        if (strictlyAscending(evidence)) { // most lists come sorted from the rules: one pass, no sort
            return List.copyOf(evidence);
        }
        List<Evidence> l = new ArrayList<>(evidence);
        l.sort(null);
        List<Evidence> out = new ArrayList<>(l.size());
        for (Evidence e : l) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private static boolean strictlyAscending(List<Evidence> evidence) {
        Evidence prev = null;
        for (Evidence e : evidence) {
            if (prev != null && prev.compareTo(e) >= 0) {
                return false;
            }
            prev = e;
        }
        return true;
    }

    /**
     * The verdict with its early warning (动态预警): the projection's fields in {@code details.projection} (with the
     * series it rests on, the rule that computed it and its text), the series' inputs added to the evidence, and
     * a sentence appended to the message (templates {@code projection.*} of rules/messages). The verdict's
     * status is unchanged.
     *
     * @param drools the projection rule's context
     * @param f      the verdict (subject = the region)
     * @param p      the projection (null: the verdict is returned unchanged)
     * @param y      the year
     * @param series the observations the projection rests on (a DRL collect list): their inputs join the evidence
     * @return the verdict with the projection
     */
    public Finding project(RuleContext drools, Finding f, Projection.Result p, PlanYear y, Collection<?> series) {
        if (p == null) {
            return f;
        }
        Rule rule = drools.getRule();
        Map<String, String> v = new TreeMap<>();
        String unit = f.unit() == null ? "" : f.unit();
        v.put("level", "{level}");
        v.put("firstYear", String.valueOf(p.firstYear()));
        v.put("lastYear", String.valueOf(p.lastYear()));
        v.put("periodFrom", String.valueOf(y.baseYear() + 1));
        v.put("periodTo", String.valueOf(y.targetYear()));
        v.put("remaining", String.valueOf(p.remaining()));
        v.put("unit", unit);
        v.put("comparator", f.comparator() == null ? "" : f.comparator());
        boolean change = "average_change".equals(p.method());
        v.put("pace", shown(p.pace(), change));
        v.put("projected", shown(p.projected(), false));
        v.put("target", shown(p.target(), false));
        v.put("needed", shown(p.needed(), change));
        v.put("best", shown(p.best(), change));
        v.put("bestYear", p.bestYear() == null ? "—" : String.valueOf(p.bestYear()));
        String key = p.remaining() == 0 ? "projection.final"
                : "trend".equals(f.kind()) ? "projection.trend" : "projection." + p.method();
        Text template = messages.get(key);
        Text level = messages.get("projection.level." + p.level());
        if (template == null || level == null) {
            problems.add("rule \"" + rule.getName() + "\" uses message key \"" + (template == null ? key
                    : "projection.level." + p.level()) + "\", which no file in rules/messages defines");
            return f;
        }
        Text reach = messages.get(p.reaches() ? "projection.reach.yes" : "projection.reach.no");
        Text direction = messages.get(p.reaches() ? "projection.direction.yes" : "projection.direction.no");
        Text beyond = messages.get("projection.beyond");
        Text single = messages.get("projection.single");
        String[] langs = {"zh", "en"};
        String[] out = new String[2];
        for (int i = 0; i < 2; i++) {
            boolean en = i == 1;
            Map<String, String> w = new TreeMap<>(v);
            w.put("level", level.in(langs[i]));
            Text points = messages.get("projection.percentage-points");
            w.put("changeUnit", "%".equals(unit) && points != null ? points.in(langs[i]) : unit);
            w.put("reach", reach == null ? "" : reach.in(langs[i]));
            w.put("direction", direction == null ? "" : direction.in(langs[i]));
            Text dir = f.comparator() == null ? null : messages.get("projection.must." + directionKey(f.comparator()));
            w.put("directionWord", dir == null ? "" : dir.in(langs[i]));
            w.put("beyond", p.beyondBest() && beyond != null ? beyond.in(langs[i]) : "");
            w.put("single", p.singleYear() && p.remaining() > 0 && single != null
                    ? single.in(langs[i]).replace("{lastYear}", String.valueOf(p.lastYear())) : "");
            out[i] = fillText(rule, en ? template.en() : template.zh(), w).strip();
        }
        Text sentence = new Text(out[0], out[1]);
        SortedMap<String, Object> details = new TreeMap<>(f.details());
        Map<String, Object> pm = new LinkedHashMap<>(p.asMap());
        List<Evidence> ev = new ArrayList<>(f.evidence());
        for (Object o : series) {
            ev.addAll(((Observation) o).evidence());
        }
        pm.put("rule", rule.getName());
        Object src = rule.getMetaData().get("source");
        if (src != null) {
            pm.put("source", String.valueOf(src));
        }
        pm.put("text", text(sentence));
        details.put("projection", pm);
        Text m = new Text(join(f.message().zh(), sentence.zh(), "。"), join(f.message().en(), sentence.en(), ". "));
        return new Finding(f.rule(), f.kind(), f.indicator(), f.year(), f.subject(), f.status(), f.binding(), f.actual(),
                f.expected(), f.target(), f.comparator(), f.unit(), f.source(), sortedDistinct(ev), m, details);
    }

    private static String shown(BigDecimal d, boolean signed) {
        return plancheck.model.Numbers.shown(d, signed);
    }

    /** The key of the direction a comparator asks for: rise, not-fall, fall, not-rise. */
    private static String directionKey(String comparator) {
        return switch (comparator) {
            case ">" -> "rise";
            case ">=" -> "not-fall";
            case "<" -> "fall";
            default -> "not-rise";
        };
    }

    private String fillText(Rule rule, String template, Map<String, String> vals) {
        Matcher mt = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (mt.find()) {
            String x = vals.get(mt.group(1));
            if (x == null) {
                problems.add("rule \"" + rule.getName() + "\": message placeholder {" + mt.group(1) + "} has no value");
                x = "{" + mt.group(1) + "}";
            }
            mt.appendReplacement(b, Matcher.quoteReplacement(x));
        }
        mt.appendTail(b);
        return b.toString();
    }

    /** @return the rule's name, package and metadata (quotes stripped), keys sorted. */
    static SortedMap<String, Object> ruleMeta(Rule rule) {
        SortedMap<String, Object> m = new TreeMap<>();
        rule.getMetaData().forEach((k, v) -> m.put(k, v == null ? null : String.valueOf(v)));
        m.put("name", rule.getName());
        m.put("package", rule.getPackageName());
        return m;
    }

    private Map<String, Object> observation(Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", o.indicator());
        m.put("year", o.year());
        m.put("value", exact(o.value()));
        m.put("unit", o.unit());
        if (o.caliber() != null) {
            m.put("caliber", o.caliber());
        }
        m.put("stage", o.stage());
        m.put("origin", o.origin());
        if (o.problem() != null) {
            m.put("problem", o.problem());
        }
        m.put("evidence", Evidence.asMapsReferenced(o.evidence()));
        if (o.detail() != null) {
            m.put("detail", text(o.detail()));
        }
        Rule by = derivedBy.get(o);
        if (by != null) {
            m.put("derivedBy", metaOf(by));
        }
        return m;
    }

    private List<Object> derivation(Observation o) {
        List<Object> out = new ArrayList<>();
        Rule by = derivedBy.get(o);
        if (o.steps().isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quantity", o.indicator());
            m.put("value", exact(o.value()));
            m.put("unit", o.unit());
            m.put("how", o.detail() == null ? text(new Text("由规则推算", "derived by a rule")) : text(o.detail()));
            m.put("evidence", Evidence.asMapsReferenced(o.evidence()));
            if (by != null) {
                m.put("rule", by.getName());
            }
            out.add(m);
            return out;
        }
        for (DerivationStep st : o.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quantity", st.quantity());
            m.put("value", exact(st.value()));
            m.put("unit", st.unit());
            m.put("how", st.how() == null ? null : text(st.how()));
            m.put("evidence", Evidence.asMapsReferenced(st.evidence()));
            if (by != null) {
                m.put("rule", by.getName());
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> text(Text t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zh", t.zh());
        m.put("en", t.en());
        return m;
    }

    /** @return the number without trailing zeros or exponent, not rounded; null stays null. */
    private static BigDecimal exact(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String join(String a, String b, String sep) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        String end = a.endsWith("。") || a.endsWith(".") ? "" : sep.trim().isEmpty() ? sep : sep;
        return a + (a.endsWith("。") || a.endsWith(".") ? (sep.equals("。") ? "" : " ") : end) + b;
    }

    /** @return the number in plain notation (no exponent, no trailing zeros), or "—" for null. */
    public static String plain(BigDecimal d) {
        return plancheck.model.Numbers.plain(d);
    }
}
