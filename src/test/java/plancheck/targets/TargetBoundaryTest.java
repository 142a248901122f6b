package plancheck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import plancheck.analyst.BoundaryCases;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * A boundary test for every encoded target of the catalogue (plans/dianjiang-15th/catalogue/*.yaml), with the
 * plan's own numbers. The recipe per judge kind is {@link BoundaryCases}, the same code that
 * {@code plancheck rules test} runs, so what an analyst's check passes this test passes. A judge kind
 * with no recipe is reported as aborted (not silently passed).
 */
class TargetBoundaryTest {

    static Stream<String> encodedTargets() {
        return TargetTests.rules().targets().stream().filter(t -> !"record".equals(t.judge())).map(PlanTarget::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodedTargets")
    void boundary(String id) {
        PlanTarget t = TargetTests.rules().target(id);
        BoundaryCases.Planned p = BoundaryCases.plan(t, TargetTests.rules());
        Assumptions.assumeTrue(p != null, () -> "no boundary recipe for judge kind '" + t.judge() + "' (" + id + ")");
        assertTrue(p.cases().size() >= 2 || p.outOfRange() > 0 || "city_assigned".equals(t.judge()),
                "at least the two sides of the boundary");
        List<BoundaryCases.Failure> f = BoundaryCases.check(TargetTests.engine(), t, p.cases());
        assertEquals(List.of(), f, () -> id + ": " + f);
    }

    @Test
    void aShareAtTheEdgeOfItsRangeGetsNoValueBeyondIt() {
        // a "<=" limit of 100 % on a share ranged [0, 100]: 100.001 % is no plausible value, so the
        // recipe leaves that side out instead of expecting a verdict on it
        PlanTarget share = TargetTests.rules().targets().stream()
                .filter(t -> "%".equals(t.unit()) && t.max() != null && t.max().compareTo(new BigDecimal("100")) == 0
                        && "limit".equals(t.judge()))
                .findFirst().orElseThrow();
        PlanTarget atEdge = new PlanTarget(share.id(), share.table(), share.area(), share.name(), share.unit(), share.baseline(),
                new plancheck.model.TargetValue("100", new BigDecimal("100"), null, null, false, false, null),
                plancheck.model.Comparator.GE, share.binding(), "limit", share.source(), null, null, null, null, null,
                share.file(), share.attribute(), share.unitAliases(), share.min(), share.max());
        List<BoundaryCases.Case> all = BoundaryCases.cases(atEdge, TargetTests.rules());
        BoundaryCases.Planned p = BoundaryCases.plan(atEdge, TargetTests.rules());
        assertEquals(all.size(), p.cases().size(), "for >= 100 every value of the recipe is within [0, 100]");
        PlanTarget le = new PlanTarget(atEdge.id(), atEdge.table(), atEdge.area(), atEdge.name(), atEdge.unit(), atEdge.baseline(),
                atEdge.target(), plancheck.model.Comparator.LE, atEdge.binding(), "limit", atEdge.source(), null, null, null,
                null, null, atEdge.file(), atEdge.attribute(), atEdge.unitAliases(), atEdge.min(), atEdge.max());
        BoundaryCases.Planned q = BoundaryCases.plan(le, TargetTests.rules());
        assertEquals(1, q.outOfRange(), "100.001 % is left out");
        assertTrue(q.cases().stream().noneMatch(c -> c.values().stream().anyMatch(v -> v.value().compareTo(new BigDecimal("100")) > 0)));
        assertTrue(q.cases().stream().anyMatch(c -> c.status() == Status.PASS));
    }
}
