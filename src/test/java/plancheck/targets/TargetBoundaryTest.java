package plancheck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import plancheck.targets.TargetTests.Value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import plancheck.engine.PlanMath;
import plancheck.model.Comparator;
import plancheck.model.Finding;
import plancheck.model.Parameter;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * A boundary test for every encoded target of the catalogue (plans/dianjiang-15th/catalogue/*.yaml), with the plan's
 * own numbers: for each target the submitted values are derived from the catalogue (the 2030 target,
 * the 2025 value, the comparator) and the verdict is checked on both sides of the boundary — the value
 * that just meets what the year must reach is PASS, the value just short of it is WARNING (VIOLATION
 * for a binding target). The recipe depends on the judge kind:
 * <ul>
 *   <li>path: 2026 exactly the path value / a hair below; 2030 exactly the plan's target / a hair below;</li>
 *   <li>limit: the plan's limit / a hair beyond (and the warning threshold when there is one);</li>
 *   <li>average_growth: the plan's rate in 2026 / a hair below;</li>
 *   <li>cumulative: target × 1/5 in 2026; five years summing to the plan's total in 2030;</li>
 *   <li>new_items: whole items due in 2026; the plan's count by 2030 / one item fewer;</li>
 *   <li>hold: the level to keep (plan's number, 2025 level, or the stricter) / a hair short;</li>
 *   <li>trend, level_growth: against last year's value;</li>
 *   <li>growth_from_levels: the related level compounded at the plan's rate, 2026 and 2027;</li>
 *   <li>relational: the same year's related value; city_assigned: PENDING while the parameter is unset;</li>
 *   <li>caliber: the path in the target's caliber.</li>
 * </ul>
 * "A hair" is {@value #EPS} in the catalogue's unit. A judge kind with no recipe here is reported as
 * aborted (not silently passed), so that a new kind gets its recipe.
 */
class TargetBoundaryTest {

    static final String EPS = "0.001";
    private static final BigDecimal E = new BigDecimal(EPS);

    /** One run: the values submitted, the year judged and the verdict it must get. */
    record Case(String label, List<Value> values, int year, Status status, BigDecimal expected) {}

    static Stream<String> encodedTargets() {
        return TargetTests.rules().targets().stream().filter(t -> !"record".equals(t.judge())).map(PlanTarget::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodedTargets")
    void boundary(String id, @TempDir Path dir) {
        PlanTarget t = TargetTests.rules().target(id);
        List<Case> cases = cases(t);
        Assumptions.assumeTrue(cases != null, () -> "no boundary recipe for judge kind '" + t.judge() + "' (" + id + ")");
        assertTrue(cases.size() >= 2 || "city_assigned".equals(t.judge()), "at least the two sides of the boundary");
        int i = 0;
        for (Case c : cases) {
            Path sub = dir.resolve("case" + i++);
            List<Finding> fs = TargetTests.run(sub, c.values());
            Finding f = TargetTests.verdict(fs, id, c.year());
            assertEquals(c.status(), f.status(), () -> id + " [" + t.judge() + "] " + c.label() + " " + c.values()
                    + " → " + f.rule() + ": " + f.message().en());
            if (c.expected() != null) {
                assertEquals(0, c.expected().compareTo(f.expected()), () -> id + " " + c.label() + ": expected "
                        + c.expected() + ", the finding says " + f.expected());
            }
        }
    }

    static Status behind(PlanTarget t) {
        return t.binding() ? Status.VIOLATION : Status.WARNING;
    }

    /** The value that just meets a threshold under a comparator. */
    static BigDecimal meets(Comparator c, BigDecimal x) {
        return switch (c) {
            case GE, LE -> x;
            case GT -> x.add(E);
            case LT -> x.subtract(E);
        };
    }

    /** The value that just misses a threshold under a comparator. */
    static BigDecimal misses(Comparator c, BigDecimal x) {
        return switch (c) {
            case GE -> x.subtract(E);
            case LE -> x.add(E);
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

    static List<Case> cases(PlanTarget t) {
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
                out.add(new Case("2026 at the path value", with(base, new Value(2026, id, meets(c, p2026), u, null)), 2026, Status.PASS, p2026));
                out.add(new Case("2026 a hair short of the path", with(base, new Value(2026, id, misses(c, p2026), u, null)), 2026, behind(t), p2026));
                out.add(new Case("2030 at the plan's target", with(base, new Value(2030, id, meets(c, tv), u, null)), 2030, Status.PASS, PlanMath.tidy(tv)));
                out.add(new Case("2030 a hair short of the plan's target", with(base, new Value(2030, id, misses(c, tv), u, null)), 2030, behind(t), PlanMath.tidy(tv)));
            }
            case "limit" -> {
                if (t.warnAt() != null) {
                    out.add(new Case("at the warning threshold", List.of(new Value(2026, id, t.warnAt(), u, null)), 2026, Status.PASS, tv));
                    out.add(new Case("past the warning threshold", List.of(new Value(2026, id, misses(c, t.warnAt()), u, null)), 2026, Status.WARNING, tv));
                    out.add(new Case("at the plan's limit (within, past the threshold)", List.of(new Value(2026, id, meets(c, tv), u, null)), 2026, Status.WARNING, tv));
                } else {
                    out.add(new Case("at the plan's limit", List.of(new Value(2026, id, meets(c, tv), u, null)), 2026, Status.PASS, tv));
                }
                out.add(new Case("a hair beyond the plan's limit", List.of(new Value(2026, id, misses(c, tv), u, null)), 2026, behind(t), tv));
                out.add(new Case("2030 at the plan's limit", List.of(new Value(2030, id, t.warnAt() != null ? t.warnAt() : meets(c, tv), u, null)), 2030, Status.PASS, tv));
            }
            case "average_growth" -> {
                out.add(new Case("2026 at the plan's rate", List.of(new Value(2026, id, meets(c, tv), u, null)), 2026, Status.PASS, tv));
                out.add(new Case("2026 a hair below", List.of(new Value(2026, id, misses(c, tv), u, null)), 2026, behind(t), tv));
                out.add(new Case("2026–2027 averaging the plan's rate", List.of(new Value(2026, id, meets(c, tv).add(BigDecimal.ONE), u, null),
                        new Value(2027, id, meets(c, tv).subtract(BigDecimal.ONE), u, null)), 2027, Status.PASS, tv));
            }
            case "cumulative" -> {
                BigDecimal fifth = PlanMath.share(tv, 1, 5);
                out.add(new Case("2026 a fifth of the total", List.of(new Value(2026, id, meets(c, fifth), u, null)), 2026, Status.PASS, fifth));
                out.add(new Case("2026 a hair below a fifth", List.of(new Value(2026, id, misses(c, fifth), u, null)), 2026, behind(t), fifth));
                out.add(new Case("2026–2030 summing to the plan's total", fiveYears(id, u, fifth, meets(c, fifth)), 2030, Status.PASS, PlanMath.tidy(tv)));
                out.add(new Case("2026–2030 a hair short of the plan's total", fiveYears(id, u, fifth, misses(c, fifth)), 2030, behind(t), PlanMath.tidy(tv)));
            }
            case "new_items" -> {
                BigDecimal due = tv.divide(BigDecimal.valueOf(5), 0, RoundingMode.FLOOR);
                out.add(new Case("2026 the whole items due", List.of(new Value(2026, id, due, u, null)), 2026, Status.PASS, due));
                if (due.signum() > 0) {
                    out.add(new Case("2026 one item fewer than due", List.of(new Value(2026, id, due.subtract(BigDecimal.ONE), u, null)), 2026, behind(t), due));
                }
                out.add(new Case("2030 the plan's count", fiveYears(id, u, BigDecimal.ZERO, tv), 2030, Status.PASS, PlanMath.tidy(tv)));
                out.add(new Case("2030 one item fewer", fiveYears(id, u, BigDecimal.ZERO, tv.subtract(BigDecimal.ONE)), 2030, behind(t), PlanMath.tidy(tv)));
            }
            case "hold" -> {
                List<Value> base = new ArrayList<>();
                BigDecimal level;
                if (t.baselineValue() != null) {
                    level = t.comparator().higherIsBetter() ? t.baselineValue().max(orSelf(tv, t.baselineValue()))
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
                out.add(new Case("at the level to keep", with(base, new Value(2026, id, meets(c, level), u, null)), 2026, Status.PASS, level));
                out.add(new Case("a hair short of the level", with(base, new Value(2026, id, misses(c, level), u, null)), 2026, behind(t), level));
                out.add(new Case("2030 at the level to keep", with(base, new Value(2030, id, meets(c, level), u, null)), 2030, Status.PASS, level));
            }
            case "trend" -> {
                BigDecimal p = new BigDecimal("100");
                out.add(new Case("the right way from last year", List.of(new Value(2025, id, p, u, null), new Value(2026, id, meets(c, p), u, null)), 2026, Status.PASS, p));
                out.add(new Case("the wrong way (or still) from last year", List.of(new Value(2025, id, p, u, null), new Value(2026, id, misses(c, p), u, null)), 2026, behind(t), p));
            }
            case "level_growth" -> {
                BigDecimal p = new BigDecimal("100");
                BigDecimal need = PlanMath.grown(p, tv);
                out.add(new Case("growing at the plan's rate", List.of(new Value(2025, id, p, u, null), new Value(2026, id, meets(c, need), u, null)), 2026, Status.PASS, need));
                out.add(new Case("a hair short of the plan's rate", List.of(new Value(2025, id, p, u, null), new Value(2026, id, misses(c, need), u, null)), 2026, behind(t), need));
            }
            case "growth_from_levels" -> {
                PlanTarget r = TargetTests.rules().target(t.related());
                List<Value> base = new ArrayList<>();
                BigDecimal b = r.baselineValue();
                if (b == null) {
                    b = new BigDecimal("100");
                    base.add(new Value(2025, r.id(), b, r.unit(), null));
                }
                BigDecimal f = BigDecimal.ONE.add(tv.divide(BigDecimal.valueOf(100), MathContext.DECIMAL128));
                BigDecimal l1 = b.multiply(f);
                BigDecimal l2 = b.multiply(f.pow(2));
                out.add(new Case("2026 level grown at the plan's rate", with(base, new Value(2026, r.id(), meets(c, l1), r.unit(), null)), 2026, Status.PASS, tv));
                out.add(new Case("2026 a hair short", with(base, new Value(2026, r.id(), misses(c, l1), r.unit(), null)), 2026, behind(t), tv));
                out.add(new Case("2027 level compounded at the plan's rate", with(base, new Value(2027, r.id(), meets(c, l2), r.unit(), null)), 2027, Status.PASS, tv));
                out.add(new Case("2027 a hair short", with(base, new Value(2027, r.id(), misses(c, l2), r.unit(), null)), 2027, behind(t), tv));
            }
            case "relational" -> {
                PlanTarget r = TargetTests.rules().target(t.related());
                BigDecimal g = new BigDecimal("5.5");
                Value rv = new Value(2026, r.id(), g, r.unit(), null);
                out.add(new Case("keeping pace with the related value", List.of(rv, new Value(2026, id, meets(c, g), u, null)), 2026, Status.PASS, g));
                out.add(new Case("a hair behind the related value", List.of(rv, new Value(2026, id, misses(c, g), u, null)), 2026, behind(t), g));
            }
            case "city_assigned" -> {
                Parameter p = TargetTests.rules().parameters().get(t.parameter());
                if (p.value() == null) {
                    out.add(new Case("parameter unset: PENDING", List.of(new Value(2026, id, startFor(t), u, null)), 2026, Status.PENDING, null));
                } else {
                    out.add(new Case("at the city's value", List.of(new Value(2026, id, meets(c, p.value()), u, null)), 2026, Status.PASS, p.value()));
                    out.add(new Case("a hair short of the city's value", List.of(new Value(2026, id, misses(c, p.value()), u, null)), 2026, behind(t), p.value()));
                }
            }
            case "caliber" -> {
                BigDecimal b = startFor(t);
                Value base = new Value(2025, id, b, u, t.caliber());
                BigDecimal p2026 = PlanMath.path(b, tv, 1, 5);
                out.add(new Case("2026 at the path in the target's caliber", List.of(base, new Value(2026, id, meets(c, p2026), u, t.caliber())), 2026, Status.PASS, p2026));
                out.add(new Case("2026 a hair short", List.of(base, new Value(2026, id, misses(c, p2026), u, t.caliber())), 2026, behind(t), p2026));
                out.add(new Case("2030 at the plan's target", List.of(base, new Value(2030, id, meets(c, tv), u, t.caliber())), 2030, Status.PASS, PlanMath.tidy(tv)));
                out.add(new Case("2030 a hair short", List.of(base, new Value(2030, id, misses(c, tv), u, t.caliber())), 2030, behind(t), PlanMath.tidy(tv)));
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
