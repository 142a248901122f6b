package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.load.InputProblem;

/**
 * {@code plancheck rules lint}: each problem of the issue introduced into a copy of the shipped rules,
 * with the message and file:line checked; and the shipped rules are clean.
 */
class LintTest {

    @TempDir
    Path tmp;
    Path rules;
    Path plan;

    @BeforeEach
    void copyRules() {
        rules = Cli.copyShipped(tmp, "scenarios");
        plan = tmp.resolve("plans/dianjiang-15th");
    }

    /** A catalogue file of its own, so that line numbers are known. */
    private Path catalogue(String entries) {
        // each new id filed by one bureau, as the plan's responsible-units.yaml requires
        try {
            Path units = plan.resolve("responsible-units.yaml");
            String text = java.nio.file.Files.readString(units);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("- id: (lint_\\w+)").matcher(entries);
            while (m.find()) {
                if (!text.contains("[" + m.group(1) + ",")) {
                    text = text.replaceFirst("(- id: education\\n(?:.*\\n)*?    indicators: \\[)", "$1" + m.group(1) + ", ");
                }
            }
            java.nio.file.Files.writeString(units, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Cli.write(plan.resolve("catalogue/zz-lint.yaml"), "# lint test\ntargets:\n" + entries);
    }

    static final String OK_ENTRY = """
              - id: lint_ok
                area: economy
                name: {zh: 正常, en: fine}
                unit: "%"
                baseline: {text: "53", value: 53}
                target: {text: "60", value: 60}
                comparator: ">="
                binding: false
                judge: path
                source: "第三章第三节"
            """;

    private List<InputProblem> lint() throws Exception {
        return Lint.run(rules).problems();
    }

    private static InputProblem only(List<InputProblem> ps, String fileEnd, String text) {
        List<InputProblem> m = ps.stream().filter(p -> p.file().endsWith(fileEnd) && p.message().contains(text)).toList();
        assertEquals(1, m.size(), () -> "expected one problem in " + fileEnd + " containing \"" + text + "\"; all: " + ps);
        return m.get(0);
    }

    @Test
    void shippedRulesAreClean() {
        Cli.Run r = Cli.run("rules", "lint", "--rules", "rules", "--lang", "en");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("is clean"), r::toString);
    }

    @Test
    void cleanCopyWithAnExtraCorrectTarget() throws Exception {
        catalogue(OK_ENTRY);
        assertEquals(List.of(), lint());
    }

    @Test
    void unknownComparator() throws Exception {
        catalogue(OK_ENTRY.replace("lint_ok", "lint_cmp").replace("\">=\"", "\"≥\""));
        InputProblem p = only(lint(), "zz-lint.yaml", "unknown comparator '≥'");
        assertEquals(9, p.line(), p::toString);
        assertTrue(p.toString().contains("zz-lint.yaml:9:"), p::toString);
        assertTrue(p.message().contains("expected one of >=, >, <=, <"), p::toString);
    }

    @Test
    void missingSourceClause() throws Exception {
        catalogue(OK_ENTRY.replace("lint_ok", "lint_src").replace("    source: \"第三章第三节\"\n", ""));
        InputProblem p = only(lint(), "zz-lint.yaml", "has no source clause");
        assertEquals(3, p.line(), p::toString);
        assertTrue(p.message().contains("target 'lint_src'"), p::toString);
    }

    @Test
    void targetPointingTheWrongWay() throws Exception {
        catalogue(OK_ENTRY.replace("lint_ok", "lint_way").replace("{text: \"60\", value: 60}", "{text: \"50\", value: 50}"));
        InputProblem p = only(lint(), "zz-lint.yaml", "points the wrong way");
        assertEquals(8, p.line(), p::toString);
        assertTrue(p.message().contains("2030 target 50 is below the 2025 baseline 53"), p::toString);
        // lower is better, target above the baseline
        catalogue(OK_ENTRY.replace("lint_ok", "lint_way2").replace("\">=\"", "\"<=\""));
        only(lint(), "zz-lint.yaml", "lower is better (<=), but the 2030 target 60 is above the 2025 baseline 53");
    }

    @Test
    void wrongWayIsFineWhenACaliberChangeIsDeclared() throws Exception {
        catalogue(OK_ENTRY.replace("lint_ok", "lint_cal").replace("{text: \"60\", value: 60}", "{text: \"50\", value: 50}")
                + "    caliber: new\n");
        assertEquals(List.of(), lint());
    }

    @Test
    void duplicateIdNamesTheFirst() throws Exception {
        catalogue(OK_ENTRY.replace("lint_ok", "urbanization_rate"));
        InputProblem p = only(lint(), "zz-lint.yaml", "duplicate target id 'urbanization_rate'");
        assertEquals(3, p.line(), p::toString);
        assertTrue(p.message().matches(".*first defined at .*plans/dianjiang-15th/catalogue/table1\\.yaml:\\d+\\).*"), p::toString);
    }

    @Test
    void unitNotInTheUnitTable() throws Exception {
        catalogue(OK_ENTRY.replace("lint_ok", "lint_unit").replace("unit: \"%\"", "unit: \"亩/人\""));
        InputProblem p = only(lint(), "zz-lint.yaml", "unit '亩/人' is not in the unit table");
        assertEquals(6, p.line(), p::toString);
    }

    @Test
    void judgeNoRuleHandlesAndWarnAtOnTheWrongSide() throws Exception {
        catalogue(OK_ENTRY.replace("lint_ok", "lint_judge").replace("judge: path", "judge: milestone")
                + OK_ENTRY.replace("lint_ok", "lint_warn").replace("judge: path", "judge: limit") + "    warnAt: 59\n");
        List<InputProblem> ps = lint();
        only(ps, "zz-lint.yaml", "no rule in");
        only(ps, "zz-lint.yaml", "warnAt 59 is on the wrong side of the limit 60");
    }

    /** A rule whose condition lacks its closing parenthesis: the compiler stops at line 7 ("then"). */
    static final String BROKEN_DRL = """
            package plancheck.rules;
            import plancheck.model.*;
            rule "broken"
                @kind("limit") @source("test")
            when
                $t : PlanTarget(judge == "limit"
            then
            end
            """;

    @Test
    void drlErrorsWithFileAndLineTogetherWithCatalogueProblems() throws Exception {
        catalogue(OK_ENTRY.replace("lint_ok", "lint_both").replace("\">=\"", "\"=>\""));
        Cli.write(rules.resolve("judging/zz-broken.drl"), BROKEN_DRL);
        Cli.write(rules.resolve("judging/zz-nosource.drl"), """
                package plancheck.rules;
                import plancheck.model.*;

                rule "no source"
                    @kind("limit")
                when
                    PlanTarget(judge == "nothing")
                then
                end
                """);
        Cli.Run r = Cli.run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches(".*zz-broken\\.drl:\\d+.*DRL does not compile.*")), r::toString);
        assertTrue(r.out().contains("zz-lint.yaml:9:"), r::toString);
        assertTrue(r.out().contains("unknown comparator '=>'"), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.contains("zz-nosource.drl:4") && l.contains("rule \"no source\" has no @source")),
                r::toString);
        assertTrue(r.out().contains("problem(s) in"), r::toString);
    }

    @Test
    void undefinedMessageKey() throws Exception {
        Cli.write(rules.resolve("judging/zz-msg.drl"), """
                package plancheck.rules;
                import plancheck.model.*;
                global plancheck.engine.Emit out;

                rule "msg test"
                    @kind("limit") @source("test")
                when
                    $y : PlanYear(judged)
                    $t : PlanTarget(judge == "never-used")
                then
                    insert(out.finding(drools, $t, $y).status(Status.PASS).message("no.such.key").build());
                end
                """);
        InputProblem p = only(lint(), "zz-msg.drl", "message key \"no.such.key\"");
        assertEquals(11, p.line(), p::toString);
    }

    @Test
    void aTargetNoBureauFilesIsNamed() throws Exception {
        Cli.write(plan.resolve("catalogue/zz-lint.yaml"), "# lint test\ntargets:\n" + OK_ENTRY.replace("lint_ok", "nobody_files"));
        InputProblem p = only(lint(), "zz-lint.yaml", "target 'nobody_files' is filed by no bureau");
        assertEquals(3, p.line(), p::toString);
        assertTrue(p.message().contains("list it under the indicators of exactly one bureau in "), p::toString);
    }
}
