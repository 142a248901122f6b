package plancheck.analyst;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import plancheck.engine.Checker;
import plancheck.engine.PlanMath;
import plancheck.engine.RuleDefectException;
import plancheck.engine.RuleEngine;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.RuleSet;
import plancheck.load.Submission;
import plancheck.model.Bounded;
import plancheck.model.Comparator;
import plancheck.model.Finding;
import plancheck.model.Parameter;
import plancheck.model.PlanTarget;
import plancheck.model.Status;
import plancheck.model.Text;

/**
 * The boundary test of every catalogue target with the plan's own numbers, run by {@code plancheck rules
 * test} and by the unit tests alike: for each target the submitted values are derived from the catalogue
 * (the 2030 target, the 2025 value, the comparator, the city's value of a parameter) and the verdict is
 * checked on both sides of the boundary — the value that just meets what the year must reach is PASS,
 * the value just short of it is WARNING (VIOLATION for a binding target). The recipe depends on the
 * judge kind:
 * <ul>
 *   <li>path: 2026 exactly the path value / a hair below; 2030 exactly the plan's target / a hair below;</li>
 *   <li>limit: the plan's limit / a hair beyond (and the warning threshold when there is one);</li>
 *   <li>average_growth: the plan's rate in 2026 / a hair below;</li>
 *   <li>cumulative: target × 1/5 in 2026; five years summing to the plan's total in 2030;</li>
 *   <li>new_items: whole items due in 2026; the plan's count by 2030 / one item fewer;</li>
 *   <li>hold: the level to keep (plan's number, 2025 level, or the stricter) / a hair short;</li>
 *   <li>trend, level_growth: against last year's value;</li>
 *   <li>growth_from_levels: the related level compounded at the plan's rate, 2026 and 2027;</li>
 *   <li>relational: the same year's related value; city_assigned: PENDING while the parameter is unset,
 *       the city's value / a hair short once it is set;</li>
 *   <li>caliber: the path in the target's caliber.</li>
 * </ul>
 * "A hair" is {@link #HAIR} in the catalogue's unit. A case whose values lie outside a target's
 * plausible {@code range} (a share target at 100 % has no value "a hair beyond" it) is left out and
 * counted as such: such a value is a data problem, never a verdict. A judge kind with no recipe here
 * (a kind an analyst added as DRL) is reported by name: its scenarios must sit at its boundaries.
 */
public final class BoundaryCases {
    private BoundaryCases() {}

    /** "A hair": the step beside a threshold, in the catalogue's unit. */
    public static final BigDecimal HAIR = new BigDecimal("0.001");

    /** The judge kinds this class has a recipe for. */
    public static final SortedSet<String> KINDS = new TreeSet<>(List.of("path", "limit", "average_growth",
            "cumulative", "new_items", "hold", "trend", "level_growth", "growth_from_levels", "relational",
            "city_assigned", "caliber"));

    /** One indicator value of one year. */
    public record Value(int year, String id, BigDecimal value, String unit, String caliber) {
        @Override
        public String toString() {
            return year + " " + id + "=" + value.toPlainString() + " " + unit + (caliber == null ? "" : " (" + caliber + ")");
        }
    }

    /** One run: the values submitted, the year judged, the verdict it must get and what it had to reach. */
    public record Case(Text label, List<Value> values, int year, Status status, BigDecimal expected) {}

    private static Text label(String key) {
        return Msg.text("analyst.case." + key);
    }

    /**
     * A case whose verdict differed.
     *
     * @param target the target id
     * @param judge  its judge kind
     * @param file   the catalogue file
     * @param label  the case
     * @param text   what was submitted, what was expected and what the rules said
     */
    public record Failure(String target, String judge, String file, Text label, Text text) {
        @Override
        public String toString() {
            return target + " [" + judge + "] " + label.en() + ": " + text.en();
        }
    }

    /**
     * What a run over a catalogue found.
     *
     * @param targets     targets checked at their boundaries
     * @param cases       cases run
     * @param outOfRange  cases left out because a value would lie outside a plausible range
     * @param failures    cases whose verdict differed
     * @param noRecipe    judge kind → targets of a kind without a recipe here
     */
    public record Result(int targets, int cases, int outOfRange, List<Failure> failures,
                         Map<String, List<String>> noRecipe) {
        /** @return true when every case got its verdict */
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    /**
     * Runs the boundary cases of every target of the engine's catalogue ({@code record} targets are
     * only recorded, never judged, and have none).
     *
     * @param engine compiled rules with a plan's data
     * @return what was found
     */
    public static Result run(RuleEngine engine) {
        Map<String, List<String>> noRecipe = new TreeMap<>();
        List<PlanTarget> judged = new ArrayList<>();
        int cases = 0;
        int out = 0;
        Map<String, Planned> plans = new TreeMap<>();
        for (PlanTarget t : engine.rules().targets()) {
            if ("record".equals(t.judge())) {
                continue;
            }
            Planned p = plan(t, engine.rules());
            if (p == null) {
                noRecipe.computeIfAbsent(t.judge(), k -> new ArrayList<>()).add(t.id());
                continue;
            }
            judged.add(t);
            plans.put(t.id(), p);
            cases += p.cases().size();
            out += p.outOfRange();
        }
        // each case is a session of its own on the shared rule base: the targets run side by side
        List<Failure> failures = judged.parallelStream().flatMap(t -> check(engine, t, plans.get(t.id()).cases()).stream())
                .sorted(java.util.Comparator.comparing(Failure::file).thenComparing(Failure::target)).toList();
        return new Result(judged.size(), cases, out, failures, noRecipe);
    }

    /**
     * The cases of one target, with those outside its plausible range left out.
     *
     * @param cases      the cases to run
     * @param outOfRange how many were left out
     */
    public record Planned(List<Case> cases, int outOfRange) {}

    /**
     * @param t     a catalogue target
     * @param rules the rule set it belongs to (related targets, parameters)
     * @return its cases within range, or null when its judge kind has no recipe
     */
    public static Planned plan(PlanTarget t, RuleSet rules) {
        List<Case> all = cases(t, rules);
        if (all == null) {
            return null;
        }
        List<Case> in = new ArrayList<>();
        for (Case c : all) {
            if (c.values().stream().allMatch(v -> inRange(rules.target(v.id()), v.value()))) {
                in.add(c);
            }
        }
        return new Planned(List.copyOf(in), all.size() - in.size());
    }

    private static boolean inRange(PlanTarget t, BigDecimal v) {
        return t == null || (t.min() == null || v.compareTo(t.min()) >= 0) && (t.max() == null || v.compareTo(t.max()) <= 0);
    }

    /**
     * Runs cases of one target.
     *
     * @param engine compiled rules with a plan's data
     * @param t      the target
     * @param cases  its cases
     * @return the cases whose verdict differed
     */
    public static List<Failure> check(RuleEngine engine, PlanTarget t, List<Case> cases) {
        List<Failure> out = new ArrayList<>();
        String region = engine.rules().regions().isEmpty() ? "region" : engine.rules().regions().get(0);
        for (Case c : cases) {
            Text problem = verdictProblem(engine, t, c, region);
            if (problem != null) {
                out.add(new Failure(t.id(), t.judge(), t.file(), c.label(), problem));
            }
        }
        return out;
    }

    /** @return null when the case gets its verdict, else what went wrong */
    private static Text verdictProblem(RuleEngine engine, PlanTarget t, Case c, String region) {
        Map<Integer, List<Submission.IndicatorValue>> byYear = new TreeMap<>();
        for (Value v : c.values()) {
            List<Submission.IndicatorValue> l = byYear.computeIfAbsent(v.year(), y -> new ArrayList<>());
            l.add(new Submission.IndicatorValue(v.id(), v.value(), v.unit(), v.caliber(), "/indicators/" + l.size(), null));
        }
        List<Submission> subs = new ArrayList<>();
        byYear.forEach((y, l) -> subs.add(new Submission("boundary-" + y + ".json",
                Paths2.sha256((y + l.toString()).getBytes(StandardCharsets.UTF_8)), region, y, "boundary", "final",
                List.copyOf(l), List.of(), List.of(), List.of(), List.of())));
        List<Finding> fs;
        try {
            fs = Checker.check(engine, subs).outcome().findings();
        } catch (InputException e) {
            InputProblem p = e.problems().get(0);
            return Msg.text("analyst.boundary-stopped", "values", c.values(), "problem", new Text(p.format("zh"), p.format("en")));
        } catch (RuleDefectException e) {
            return Msg.text("analyst.boundary-misbehaved", "values", c.values(), "defect", e.defects().get(0));
        }
        List<Finding> m = fs.stream().filter(f -> f.indicator().equals(t.id()) && f.year() == c.year()
                && f.subject().equals(region)).toList();
        if (m.size() != 1) {
            return Msg.text("analyst.boundary-count", "values", c.values(), "year", c.year(), "count", m.size());
        }
        Finding f = m.get(0);
        if (f.status() != c.status()) {
            return Msg.text("analyst.boundary-status", "values", c.values(), "want", c.status(), "got", f.status(),
                    "rule", f.rule(), "message", new Text(Bounded.cut(f.message().zh()), Bounded.cut(f.message().en())));
        }
        if (c.expected() != null && (f.expected() == null || c.expected().compareTo(f.expected()) != 0)) {
            return Msg.text("analyst.boundary-expected", "values", c.values(), "want", c.expected().toPlainString(),
                    "got", f.expected() == null ? Msg.text("analyst.boundary-nothing") : f.expected().toPlainString());
        }
        return null;
    }

    static Status behind(PlanTarget t) {
        return t.binding() ? Status.VIOLATION : Status.WARNING;
    }

    /** The value that just meets a threshold under a comparator. */
    static BigDecimal meets(Comparator c, BigDecimal x) {
        return switch (c) {
            case GE, LE -> x;
            case GT -> x.add(HAIR);
            case LT -> x.subtract(HAIR);
        };
    }

    /** The value that just misses a threshold under a comparator. */
    static BigDecimal misses(Comparator c, BigDecimal x) {
        return switch (c) {
            case GE -> x.subtract(HAIR);
            case LE -> x.add(HAIR);
            case GT, LT -> x;
        };
    }

    /** A 2025 starting value for targets the plan gives none: short of the target by a fifth. */
    static BigDecimal startFor(PlanTarget t) {
        BigDecimal tv = t.targetValue();
        if (tv == null || tv.signum() == 0) {
            return new BigDecimal("50");
        }
        BigDecimal f = t.comparator().higherIsBetter() ? new BigDecimal("0.8") : new BigDecimal("1.2");
        return tv.multiply(f).setScale(3, RoundingMode.HALF_UP);
    }

    /**
     * @param t     a catalogue target
     * @param rules its rule set (related targets, parameters)
     * @return every case of its recipe (range not applied), or null when its judge kind has none
     */
    public static List<Case> cases(PlanTarget t, RuleSet rules) {
        if (!KINDS.contains(t.judge())) {
            return null;
        }
        String id = t.id();
        String u = t.unit();
        Comparator c = t.comparator();
        BigDecimal tv = t.targetValue();
        List<Case> out = new ArrayList<>();
        switch (t.judge()) {
            case "path" -> {
                List<Value> base = new ArrayList<>();
                BigDecimal b = t.baselineValue();
                if (b == null) {
                    b = startFor(t);
                    base.add(new Value(2025, id, b, u, null));
                }
                BigDecimal p2026 = PlanMath.path(b, tv, 1, 5);
                out.add(new Case(label("path-2026-at"), with(base, new Value(2026, id, meets(c, p2026), u, null)), 2026, Status.PASS, p2026));
                out.add(new Case(label("path-2026-short"), with(base, new Value(2026, id, misses(c, p2026), u, null)), 2026, behind(t), p2026));
                out.add(new Case(label("2030-at-target"), with(base, new Value(2030, id, meets(c, tv), u, null)), 2030, Status.PASS, PlanMath.tidy(tv)));
                out.add(new Case(label("2030-short-of-target"), with(base, new Value(2030, id, misses(c, tv), u, null)), 2030, behind(t), PlanMath.tidy(tv)));
            }
            case "limit" -> {
                if (t.warnAt() != null) {
                    out.add(new Case(label("at-warning"), List.of(new Value(2026, id, t.warnAt(), u, null)), 2026, Status.PASS, tv));
                    out.add(new Case(label("past-warning"), List.of(new Value(2026, id, misses(c, t.warnAt()), u, null)), 2026, Status.WARNING, tv));
                    out.add(new Case(label("at-limit-past-warning"), List.of(new Value(2026, id, meets(c, tv), u, null)), 2026, Status.WARNING, tv));
                } else {
                    out.add(new Case(label("at-limit"), List.of(new Value(2026, id, meets(c, tv), u, null)), 2026, Status.PASS, tv));
                }
                out.add(new Case(label("beyond-limit"), List.of(new Value(2026, id, misses(c, tv), u, null)), 2026, behind(t), tv));
                out.add(new Case(label("2030-at-limit"), List.of(new Value(2030, id, t.warnAt() != null ? t.warnAt() : meets(c, tv), u, null)), 2030, Status.PASS, tv));
            }
            case "average_growth" -> {
                out.add(new Case(label("2026-at-rate"), List.of(new Value(2026, id, meets(c, tv), u, null)), 2026, Status.PASS, tv));
                out.add(new Case(label("2026-below"), List.of(new Value(2026, id, misses(c, tv), u, null)), 2026, behind(t), tv));
                out.add(new Case(label("2026-2027-average"), List.of(new Value(2026, id, meets(c, tv).add(BigDecimal.ONE), u, null),
                        new Value(2027, id, meets(c, tv).subtract(BigDecimal.ONE), u, null)), 2027, Status.PASS, tv));
            }
            case "cumulative" -> {
                BigDecimal fifth = PlanMath.share(tv, 1, 5);
                out.add(new Case(label("2026-fifth"), List.of(new Value(2026, id, meets(c, fifth), u, null)), 2026, Status.PASS, fifth));
                out.add(new Case(label("2026-below-fifth"), List.of(new Value(2026, id, misses(c, fifth), u, null)), 2026, behind(t), fifth));
                out.add(new Case(label("2030-total"), fiveYears(id, u, fifth, meets(c, fifth)), 2030, Status.PASS, PlanMath.tidy(tv)));
                out.add(new Case(label("2030-short-of-total"), fiveYears(id, u, fifth, misses(c, fifth)), 2030, behind(t), PlanMath.tidy(tv)));
            }
            case "new_items" -> {
                BigDecimal due = tv.divide(BigDecimal.valueOf(5), 0, RoundingMode.FLOOR);
                out.add(new Case(label("2026-items-due"), List.of(new Value(2026, id, due, u, null)), 2026, Status.PASS, due));
                if (due.signum() > 0) {
                    out.add(new Case(label("2026-one-fewer"), List.of(new Value(2026, id, due.subtract(BigDecimal.ONE), u, null)), 2026, behind(t), due));
                }
                out.add(new Case(label("2030-count"), fiveYears(id, u, BigDecimal.ZERO, tv), 2030, Status.PASS, PlanMath.tidy(tv)));
                out.add(new Case(label("2030-one-fewer"), fiveYears(id, u, BigDecimal.ZERO, tv.subtract(BigDecimal.ONE)), 2030, behind(t), PlanMath.tidy(tv)));
            }
            case "hold" -> {
                List<Value> base = new ArrayList<>();
                BigDecimal level;
                if (t.baselineValue() != null) {
                    level = c.higherIsBetter() ? t.baselineValue().max(orSelf(tv, t.baselineValue()))
                            : t.baselineValue().min(orSelf(tv, t.baselineValue()));
                } else if (tv != null) {
                    // a 2025 level less strict than the plan's number: the plan's number governs
                    BigDecimal b = c.higherIsBetter() ? tv.subtract(BigDecimal.ONE) : tv.add(BigDecimal.ONE);
                    base.add(new Value(2025, id, b, u, null));
                    level = tv;
                } else {
                    level = startFor(t);
                    base.add(new Value(2025, id, level, u, null));
                }
                out.add(new Case(label("at-level"), with(base, new Value(2026, id, meets(c, level), u, null)), 2026, Status.PASS, level));
                out.add(new Case(label("short-of-level"), with(base, new Value(2026, id, misses(c, level), u, null)), 2026, behind(t), level));
                out.add(new Case(label("2030-at-level"), with(base, new Value(2030, id, meets(c, level), u, null)), 2030, Status.PASS, level));
            }
            case "trend" -> {
                BigDecimal p = new BigDecimal("100");
                out.add(new Case(label("right-way"), List.of(new Value(2025, id, p, u, null), new Value(2026, id, meets(c, p), u, null)), 2026, Status.PASS, p));
                out.add(new Case(label("wrong-way"), List.of(new Value(2025, id, p, u, null), new Value(2026, id, misses(c, p), u, null)), 2026, behind(t), p));
            }
            case "level_growth" -> {
                BigDecimal p = new BigDecimal("100");
                BigDecimal need = PlanMath.grown(p, tv);
                out.add(new Case(label("growing-at-rate"), List.of(new Value(2025, id, p, u, null), new Value(2026, id, meets(c, need), u, null)), 2026, Status.PASS, need));
                out.add(new Case(label("short-of-rate"), List.of(new Value(2025, id, p, u, null), new Value(2026, id, misses(c, need), u, null)), 2026, behind(t), need));
            }
            case "growth_from_levels" -> {
                PlanTarget r = rules.target(t.related());
                List<Value> base = new ArrayList<>();
                BigDecimal b = r.baselineValue();
                if (b == null) {
                    b = new BigDecimal("100");
                    base.add(new Value(2025, r.id(), b, r.unit(), null));
                }
                BigDecimal f = BigDecimal.ONE.add(tv.divide(BigDecimal.valueOf(100), MathContext.DECIMAL128));
                BigDecimal l1 = b.multiply(f);
                BigDecimal l2 = b.multiply(f.pow(2));
                out.add(new Case(label("2026-level-grown"), with(base, new Value(2026, r.id(), meets(c, l1), r.unit(), null)), 2026, Status.PASS, tv));
                out.add(new Case(label("2026-short"), with(base, new Value(2026, r.id(), misses(c, l1), r.unit(), null)), 2026, behind(t), tv));
                out.add(new Case(label("2027-level-compounded"), with(base, new Value(2027, r.id(), meets(c, l2), r.unit(), null)), 2027, Status.PASS, tv));
                out.add(new Case(label("2027-short"), with(base, new Value(2027, r.id(), misses(c, l2), r.unit(), null)), 2027, behind(t), tv));
            }
            case "relational" -> {
                PlanTarget r = rules.target(t.related());
                BigDecimal g = new BigDecimal("5.5");
                Value rv = new Value(2026, r.id(), g, r.unit(), null);
                out.add(new Case(label("keeping-pace"), List.of(rv, new Value(2026, id, meets(c, g), u, null)), 2026, Status.PASS, g));
                out.add(new Case(label("behind-related"), List.of(rv, new Value(2026, id, misses(c, g), u, null)), 2026, behind(t), g));
            }
            case "city_assigned" -> {
                Parameter p = rules.parameters().get(t.parameter());
                if (p == null || p.value() == null) {
                    out.add(new Case(label("parameter-unset"), List.of(new Value(2026, id, startFor(t), u, null)), 2026, Status.PENDING, null));
                } else {
                    out.add(new Case(label("at-city-value"), List.of(new Value(2026, id, meets(c, p.value()), u, null)), 2026, Status.PASS, p.value()));
                    out.add(new Case(label("short-of-city-value"), List.of(new Value(2026, id, misses(c, p.value()), u, null)), 2026, behind(t), p.value()));
                }
            }
            case "caliber" -> {
                BigDecimal b = startFor(t);
                Value base = new Value(2025, id, b, u, t.caliber());
                BigDecimal p2026 = PlanMath.path(b, tv, 1, 5);
                out.add(new Case(label("caliber-2026-at"), List.of(base, new Value(2026, id, meets(c, p2026), u, t.caliber())), 2026, Status.PASS, p2026));
                out.add(new Case(label("2026-short"), List.of(base, new Value(2026, id, misses(c, p2026), u, t.caliber())), 2026, behind(t), p2026));
                out.add(new Case(label("2030-at-target"), List.of(base, new Value(2030, id, meets(c, tv), u, t.caliber())), 2030, Status.PASS, PlanMath.tidy(tv)));
                out.add(new Case(label("2030-short"), List.of(base, new Value(2030, id, misses(c, tv), u, t.caliber())), 2030, behind(t), PlanMath.tidy(tv)));
            }
            default -> {
                return null;
            }
        }
        return out;
    }

    private static BigDecimal orSelf(BigDecimal v, BigDecimal self) {
        return v == null ? self : v;
    }

    private static List<Value> with(List<Value> base, Value v) {
        List<Value> l = new ArrayList<>(base);
        l.add(v);
        return l;
    }

    /** 2026–2029 at {@code each}, 2030 at {@code last}. */
    private static List<Value> fiveYears(String id, String unit, BigDecimal each, BigDecimal last) {
        List<Value> l = new ArrayList<>();
        for (int y = 2026; y <= 2029; y++) {
            l.add(new Value(y, id, each, unit, null));
        }
        l.add(new Value(2030, id, last, unit, null));
        return l;
    }
}
