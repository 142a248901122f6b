package plancheck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.cli.Main;
import plancheck.load.InputException;
import plancheck.model.PlanTarget;
import plancheck.report.TargetInventory;

/**
 * docs/targets.md is what {@code plancheck targets} generates from the rules folder (so it cannot
 * drift), lists every catalogue target, and at least 90 % of the listed targets are encoded.
 */
class TargetsDocTest {

    static final Path DOC = Path.of("docs/targets.md");

    @Test
    void committedInventoryIsWhatTheCommandGenerates() throws Exception {
        String generated = TargetInventory.markdown(TargetInventory.read(TargetTests.RULES));
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        assertEquals(generated, committed, "docs/targets.md is stale: run "
                + "`java -jar target/plancheck.jar targets --out docs/targets.md` and commit it");
        assertEquals(0, Main.execute("targets", "--check", DOC.toString()));
    }

    @Test
    void checkFailsOnAStaleFile(@TempDir Path dir) throws Exception {
        Path stale = dir.resolve("targets.md");
        Files.writeString(stale, Files.readString(DOC, StandardCharsets.UTF_8).replace("| 1（专栏1第1项）", "| 1"),
                StandardCharsets.UTF_8);
        assertEquals(1, Main.execute("targets", "--check", stale.toString()));
        assertEquals(2, Main.execute("targets", "--check", dir.resolve("missing.md").toString()));
    }

    @Test
    void checkSaysSoInChineseByDefaultAndInEnglishOnRequest(@TempDir Path dir) throws Exception {
        Path stale = dir.resolve("targets.md");
        Files.writeString(stale, Files.readString(DOC, StandardCharsets.UTF_8).replace("| 1（专栏1第1项）", "| 1"),
                StandardCharsets.UTF_8);
        plancheck.analyst.Cli.Run zh = plancheck.analyst.Cli.run("targets", "--check", stale.toString());
        plancheck.analyst.Cli.Run en = plancheck.analyst.Cli.run("targets", "--check", stale.toString(), "--lang", "en");
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals(1, en.exit(), en::toString);
        assertTrue(zh.err().contains("plancheck targets: " + stale + " 与规则生成的清单不一致：1 行只在文件中，1 行只在生成的清单中\n"),
                zh::toString);
        assertTrue(zh.err().contains("重新生成：java -jar target/plancheck.jar targets --out " + stale), zh::toString);
        assertTrue(en.err().contains("plancheck targets: " + stale + " differs from what the rules give: 1 line(s) only in the file, "
                + "1 line(s) only in the generated inventory\n"), en::toString);
        assertTrue(en.err().contains("regenerate it: java -jar target/plancheck.jar targets --out " + stale), en::toString);
        assertEquals(2, plancheck.analyst.Cli.run("targets", "--check", stale.toString(), "--lang", "fr").exit());
    }

    @Test
    void outWritesTheSameText(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("t.md");
        assertEquals(0, Main.execute("targets", "--out", out.toString()));
        assertEquals(Files.readString(DOC, StandardCharsets.UTF_8), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void everyCatalogueTargetIsListedAndNinetyPercentAreEncoded() throws Exception {
        TargetInventory.Inventory inv = TargetInventory.read(TargetTests.RULES);
        Set<String> listed = inv.rows().stream().map(TargetInventory.Row::id).collect(Collectors.toSet());
        for (PlanTarget t : TargetTests.rules().targets()) {
            if (!"record".equals(t.judge())) {
                assertTrue(listed.contains(t.id()), t.id() + " is missing from the inventory");
            }
        }
        assertEquals(listed.size(), inv.rows().size(), "ids are unique");
        long enc = inv.encodedCount();
        assertTrue(enc * 10 >= inv.rows().size() * 9L, "encoded " + enc + " of " + inv.rows().size());
        for (TargetInventory.Row r : inv.rows()) {
            assertTrue(r.encoded() || (r.reason() != null && !r.reason().zh().isBlank()), r.id() + " says why");
            assertTrue(!r.clause().isBlank(), r.id() + " names its clause");
        }
        assertEquals(26, inv.rows().stream().filter(r -> r.table() != null).count());
    }

    @Test
    void anEncodedTargetCannotAlsoBeListedAsNotEncoded(@TempDir Path dir) throws Exception {
        Path plan = plancheck.TestSupport.copyRulesAndPlan(dir.resolve("rules"));
        Path inv = plan.resolve("inventory/not-encoded.yaml");
        Files.writeString(inv, Files.readString(inv, StandardCharsets.UTF_8)
                .replace("  - id: hundred_billion_clusters", "  - id: gdp"), StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> TargetInventory.read(dir.resolve("rules")));
        assertTrue(e.problems().toString().contains("'gdp' is a catalogue target"), e.problems().toString());
        plancheck.load.InputProblem p = e.problems().stream().filter(x -> x.pointer().endsWith("/id")).findFirst().orElseThrow();
        assertTrue(p.format("en").endsWith("inventory/not-encoded.yaml: " + p.pointer()
                + ": id 'gdp' is a catalogue target: an encoded target cannot also be listed as not encoded"), p::toString);
        assertTrue(p.format("zh").endsWith("inventory/not-encoded.yaml: " + p.pointer()
                + ": id 'gdp' 是指标目录中的目标：已编码的目标不能同时列为未编码"), () -> p.format("zh"));
        plancheck.analyst.Cli.Run zh = plancheck.analyst.Cli.run("targets", "--rules", dir.resolve("rules").toString());
        assertEquals(2, zh.exit(), zh::toString);
        assertTrue(zh.err().contains("是指标目录中的目标") && !zh.err().contains("is a catalogue target"), zh::toString);
        assertEquals(2, Main.execute("targets", "--rules", dir.resolve("rules").toString()));
    }

    @Test
    void clauseOrder() {
        assertEquals(35, chapter("第三十五章第一节"));
        assertEquals(3, chapter("第三章第三节（综合实力实现跨越提升）"));
        assertEquals(39, chapter("专栏14 第1项"));
    }

    private static int chapter(String clause) {
        try {
            var m = TargetInventory.class.getDeclaredMethod("order", String.class);
            m.setAccessible(true);
            return ((int[]) m.invoke(null, clause))[0];
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
