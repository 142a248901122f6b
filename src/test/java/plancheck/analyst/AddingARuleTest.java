package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.load.InputProblem;

/**
 * Walks docs/adding-a-rule.md on a copy of the shipped rules: applies its annotated code blocks
 * ({@code ```lang rules/PATH append|new}) in order and runs the checks the guide shows: the target
 * is not in the shipped catalogue; with the target alone the lint names the judge no rule handles;
 * with the rule and messages the lint is clean for them; without a scenario the rule is reported
 * uncovered; with the guide's scenarios they pass and the rule is covered; a scenario expecting the
 * wrong status fails with expected and actual.
 */
class AddingARuleTest {

    @TempDir
    Path tmp;

    record Block(String path, String mode, String text) {}

    static List<Block> blocks() throws Exception {
        String doc = Files.readString(Path.of("docs/adding-a-rule.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```\\w+ ((?:rules|plans)/\\S+) (append|new|edit)\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<Block> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Block(m.group(1), m.group(2), m.group(3)));
        }
        return out;
    }

    /** Applies a block of the guide to the copy whose root (holding rules/ and plans/) is {@code root}. */
    private static void apply(Path root, Block b) throws Exception {
        Path f = root.resolve(b.path());
        if (b.mode().equals("edit")) {
            String[] l = b.text().split("\n");
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertEquals(1, text.split(java.util.regex.Pattern.quote(l[0]), -1).length - 1, () -> f + " holds \"" + l[0] + "\" once");
            Files.writeString(f, text.replace(l[0], l[1]), StandardCharsets.UTF_8);
        } else if (b.mode().equals("append")) {
            Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + b.text(), StandardCharsets.UTF_8);
        } else {
            assertFalse(Files.exists(f), () -> "the guide creates " + f + ", which exists already");
            Cli.write(f, b.text());
        }
    }

    /** Takes a block of the guide back out of the copy, where the repository already holds it. */
    private static void unapply(Path root, Block b) throws Exception {
        Path f = root.resolve(b.path());
        if (b.mode().equals("new")) {
            Files.deleteIfExists(f);
        } else if (b.mode().equals("edit")) {
            String[] l = b.text().split("\n");
            Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8).replace(l[1], l[0]), StandardCharsets.UTF_8);
        } else if (Files.exists(f)) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int at = text.lastIndexOf(b.text());
            if (at >= 0) {
                Files.writeString(f, text.substring(0, at) + text.substring(at + b.text().length()), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void theGuideWorksOnACopyOfTheRules() throws Exception {
        List<Block> bs = blocks();
        assertEquals(List.of("plans/dianjiang-15th/catalogue/livelihood.yaml", "plans/dianjiang-15th/responsible-units.yaml",
                "rules/judging/designation.drl", "rules/messages/designation.yaml",
                "rules/scenarios/judging/designation.yaml"), bs.stream().map(Block::path).toList());
        Path rules = tmp.resolve("rules");
        Cli.copy(Path.of("rules"), rules);
        Cli.copy(Path.of("plans"), tmp.resolve("plans"));
        // An analyst who followed the guide in the repository has its example in the shipped rules: the
        // copy is taken back to the state before the guide, so the guide is replayed either way.
        for (Block b : bs) {
            unapply(tmp, b);
        }
        for (Path f : Files.list(tmp.resolve("plans/dianjiang-15th/catalogue")).toList()) {
            assertFalse(Files.readString(f, StandardCharsets.UTF_8).contains("优质均衡"), f
                    + " encodes the guide's example in another form than the guide: move the guide to a target not yet encoded");
        }

        // 2. the target alone: the lint says no rule handles judge 'milestone', at the entry's line
        apply(tmp, bs.get(0));
        apply(tmp, bs.get(1));
        List<InputProblem> ps = Lint.run(rules).problems();
        List<InputProblem> mine = ps.stream().filter(p -> p.message().contains("compulsory_education_quality_county")).toList();
        assertEquals(1, mine.size(), ps::toString);
        assertTrue(mine.get(0).message().contains("handles judge 'designation'"), mine.toString());
        assertTrue(mine.get(0).file().endsWith("catalogue/livelihood.yaml") && mine.get(0).line() > 0, mine.toString());

        // 3. the rule and its messages: nothing left to say about them
        apply(tmp, bs.get(2));
        apply(tmp, bs.get(3));
        ps = Lint.run(rules).problems();
        assertEquals(List.of(), ps.stream().filter(p -> p.message().contains("compulsory_education_quality_county")
                || p.file().contains("designation")).toList(), ps::toString);

        // 4. without a scenario the rule is uncovered
        ScenarioRunner.Result r = ScenarioRunner.run(rules, ScenarioRunner.scenarioFiles(rules));
        for (String name : List.of("designation", "designation: not 0 or 1")) {
            assertTrue(r.uncovered().stream().anyMatch(x -> x.name().equals(name) && x.file().endsWith("judging/designation.drl")),
                    r.uncovered()::toString);
        }
        assertFalse(r.ok());

        // 5. with the guide's scenarios: they pass, the rule is covered
        apply(tmp, bs.get(4));
        Path scen = rules.resolve("scenarios/judging/designation.yaml");
        r = ScenarioRunner.run(rules, ScenarioRunner.scenarioFiles(rules));
        List<ScenarioRunner.Outcome> ms = r.outcomes().stream().filter(o -> o.file().endsWith("judging/designation.yaml")).toList();
        assertEquals(4, ms.size());
        ms.forEach(o -> assertTrue(o.ok(), () -> o.name() + "\n" + String.join("\n", o.messages())));
        assertTrue(r.uncovered().stream().noneMatch(x -> x.file().endsWith("designation.drl")), r.uncovered()::toString);

        // a scenario expecting the wrong status fails, showing expected and actual
        String text = Files.readString(scen, StandardCharsets.UTF_8)
                .replace("status: WARNING, actual: 0, expected: 1", "status: PASS, actual: 0, expected: 1");
        assertTrue(text.contains("status: PASS, actual: 0, expected: 1"));
        Files.writeString(scen, text, StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("rules", "test", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("FAIL  designation — still not won in 2030 misses the target"), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith("status") && l.contains("PASS") && l.contains("WARNING")),
                run::toString);
    }
}
