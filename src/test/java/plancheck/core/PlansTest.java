package plancheck.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.app.Workspace;
import plancheck.load.InputException;
import plancheck.load.RulesLoader;
import plancheck.model.Status;

/**
 * A plan's data lives apart from the rules; each submission is judged against the plan that covers its
 * region; a region no plan covers is refused; the rules folder holds no plan and a plan folder no rules.
 */
class PlansTest {

    @TempDir
    Path tmp;

    /** A second plan: a copy of the shipped one for another county, with another urbanization target. */
    private Path secondPlan(Path plans, String region, String target) throws Exception {
        Path p = plans.resolve("other-county");
        TestSupport.copyTree(TestSupport.PLAN, p);
        Path plan = p.resolve("plan.yaml");
        Files.writeString(plan, Files.readString(plan).replace("id: dianjiang-15th-fyp", "id: other-15th-fyp")
                .replace("regions: [垫江县]", "regions: [" + region + "]"));
        // the other county has townships and annual plans of its own, not 垫江县's
        Files.delete(p.resolve("townships.yaml"));
        Path t1 = p.resolve("catalogue/table1.yaml");
        Files.writeString(t1, Files.readString(t1).replace("target: {text: \"60\", value: 60}",
                "target: {text: \"" + target + "\", value: " + target + "}"));
        return p;
    }

    @Test
    void eachRegionIsJudgedAgainstItsOwnPlan() throws Exception {
        Path rules = tmp.resolve("rules");
        Path plans = TestSupport.copyRulesAndPlan(rules).getParent();
        secondPlan(plans, "梁平区", "70");
        Workspace ws = Workspace.open(rules, null);
        assertEquals(2, ws.plans().size());
        Path dj = TestSupport.submission(tmp, "dj.json", 2026, TestSupport.ind("urbanization_rate", "54.4", "%"));
        Path lp = TestSupport.write(tmp.resolve("lp.json"), Files.readString(dj).replace("垫江县", "梁平区"));
        // 垫江县: 53 → 60, 2026 path value 54.4: PASS; 梁平区 (same 53, target 70): 2026 path value 56.4: WARNING
        var a = ws.check(List.of(dj)).report();
        TestSupport.assertVerdict(a.findings(), "urbanization_rate", 2026, Status.PASS, "54.4", "54.4");
        assertEquals("dianjiang-15th-fyp", a.planId());
        var b = ws.check(List.of(lp)).report();
        assertEquals("other-15th-fyp", b.planId());
        var f = b.findings().stream().filter(x -> x.indicator().equals("urbanization_rate") && x.year() == 2026
                && x.subject().equals("梁平区")).findFirst().orElseThrow();
        assertEquals(Status.WARNING, f.status());
        assertEquals(0, new java.math.BigDecimal("56.4").compareTo(f.expected()));
        assertTrue(ws.engineFor("梁平区").rules().planDir().endsWith("plans/other-county"));
    }

    @Test
    void aRegionInTwoPlansIsAnErrorOfThePlans() throws Exception {
        Path rules = tmp.resolve("rules");
        Path plans = TestSupport.copyRulesAndPlan(rules).getParent();
        secondPlan(plans, "垫江县", "70");
        InputException e = assertThrows(InputException.class, () -> Workspace.open(rules, null));
        assertTrue(e.problems().get(0).message().contains("region \"垫江县\" is listed by two plans"), e.problems()::toString);
        assertTrue(e.problems().get(0).format("zh").contains("地区“垫江县”同时列在两个规划中"), e.problems()::toString);
    }

    @Test
    void aRegionNoPlanCoversIsRefusedNotJudgedAgainstAnotherCounty() throws Exception {
        Path mars = TestSupport.write(tmp.resolve("mars.json"),
                "{\"region\": \"火星县\", \"year\": 2026, \"indicators\": [{\"id\": \"gdp\", \"value\": 1, \"unit\": \"亿元\"}]}");
        InputException e = assertThrows(InputException.class,
                () -> Workspace.open(Path.of("rules"), null).check(List.of(mars)));
        assertEquals("/region", e.problems().get(0).pointer());
        assertTrue(e.problems().get(0).format("zh").contains("地区“火星县”不在任何规划的适用范围内"), e.problems()::toString);
    }

    @Test
    void theRulesFolderHoldsNoPlanAndAPlanFolderNoRules() throws Exception {
        Path rules = tmp.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        TestSupport.write(rules.resolve("catalogue/stray.yaml"), "targets: []\n");
        TestSupport.write(plan.resolve("stray.drl"), "package x;\n");
        InputException e = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan));
        String all = e.problems().toString();
        assertTrue(all.contains("catalogue/stray.yaml: the rules folder holds the rules that judge any plan"), all);
        assertTrue(all.contains("stray.drl: a plan folder holds the plan's data only"), all);
    }

    @Test
    void aMissingRulesFolderOrPlanIsNamedInBothLanguages() throws Exception {
        InputException noRules = assertThrows(InputException.class, () -> Workspace.open(tmp.resolve("nowhere"), null));
        assertEquals(1, noRules.problems().size(), noRules.problems().toString());
        String zh = noRules.problems().get(0).format("zh");
        assertTrue(zh.endsWith("nowhere: 规则文件夹不存在（应为含 .drl 文件、standards/ 与 units.yaml 的文件夹；用 --rules DIR 指定）"),
                "the rules folder given is named, not the plans beside it: " + zh);
        assertTrue(noRules.problems().get(0).format("en").contains("rules folder not found"));
        Path rules = tmp.resolve("rules");
        TestSupport.copyRulesAndPlan(rules);
        Path empty = Files.createDirectories(tmp.resolve("no-plans"));
        InputException noPlan = assertThrows(InputException.class, () -> Workspace.open(rules, empty));
        assertTrue(noPlan.problems().get(0).format("zh").contains("no-plans: 未找到规划（应为含 plan.yaml 的规划文件夹"),
                noPlan.problems().toString());
        Path two = tmp.resolve("two");
        TestSupport.copyTree(Path.of("plans/dianjiang-15th"), two.resolve("a"));
        TestSupport.copyTree(Path.of("plans/dianjiang-15th"), two.resolve("b"));
        InputException several = assertThrows(InputException.class, () -> plancheck.load.PlanFolders.planFor(rules, two));
        assertEquals(1, several.problems().size());
        assertTrue(several.problems().get(0).format("zh").endsWith("two: 找到2个规划（a, b）；请用 --plan DIR 选择其一"),
                several.problems().get(0).format("zh"));
        assertTrue(several.problems().get(0).format("en").endsWith("two: 2 plans found (a, b); choose one with --plan DIR"),
                several.problems().get(0).format("en"));
    }

    @Test
    void planYearsAndRegionsAreValidated() throws Exception {
        Path rules = tmp.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        Path y = plan.resolve("plan.yaml");
        Files.writeString(y, Files.readString(y).replace("targetYear: 2030", "targetYear: \"twenty-thirty\"")
                .replace("regions: [垫江县]", "regions: []"));
        InputException e = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan));
        String all = e.problems().toString();
        assertTrue(all.contains("/targetYear: expected a year (a whole number such as 2030), found \"twenty-thirty\""), all);
        assertTrue(all.contains("/regions: expected the list of regions judged against this plan"), all);
    }
}
