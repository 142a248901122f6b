package plancheck.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import plancheck.TestSupport;
import plancheck.bench.SyntheticData;
import plancheck.load.InputException;
import plancheck.model.Status;

/**
 * A run over several regions: each region judged against its own plan, a folder of reports each, an
 * index across them; bad input anywhere writes nothing.
 */
class RegionsRunTest {

    @TempDir
    Path dir;

    private Workspace data(int regions) throws Exception {
        new SyntheticData(regions, 3, 1, 4, 1, 7).write(dir, Path.of("plans/dianjiang-15th"));
        return Workspace.open(Path.of("rules"), dir.resolve("plans"));
    }

    @Test
    void eachRegionHasItsReportsAndTheIndexCountsThem() throws Exception {
        Workspace ws = data(3);
        Path out = dir.resolve("out");
        RegionsRun.Outcome o = new RegionsRun(ws, out, "zh", 2, RegionsRun.Progress.NONE).run(List.of(dir.resolve("facts")));
        assertEquals(3, o.regions().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> index = new ObjectMapper().readValue(out.resolve("index.json").toFile(), Map.class);
        assertEquals("plancheck-index/1", index.get("format"));
        for (int r = 0; r < 3; r++) {
            String region = String.format("合成县%04d", r + 1);
            Path one = out.resolve(region);
            for (String f : List.of("report.json", "report.md", "report.html")) {
                assertTrue(Files.isRegularFile(one.resolve(f)), one.resolve(f).toString());
            }
            // the same report as checking that region alone
            Checked alone = ws.check(List.of(dir.resolve("facts").resolve(region)));
            assertArrayEquals(plancheck.report.JsonReport.render(alone.report()), Files.readAllBytes(one.resolve("report.json")));
            assertTrue(alone.report().planDir().endsWith("synthetic-" + String.format("%04d", r + 1)), alone.report().planDir());
            RegionsRun.RegionResult rr = o.regions().get(r);
            assertEquals(region, rr.region());
            assertEquals(alone.report().summary(), rr.counts());
        }
        int violations = o.regions().stream().mapToInt(x -> x.counts().get(Status.VIOLATION)).sum();
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) index.get("summary");
        assertEquals(violations, summary.get("VIOLATION"));
        assertTrue(Files.readString(out.resolve("index.md")).contains("合成县0002"));
        assertFalse(Files.readString(out.resolve("index.html")).contains("<script"));
    }

    @Test
    void badInputInOneRegionWritesNothing() throws Exception {
        Workspace ws = data(2);
        TestSupport.write(dir.resolve("facts/合成县0002/2026/broken.json"),
                "{\"region\": \"合成县0002\", \"year\": 2026, \"indicators\": [{\"id\": \"gdp\", \"value\": \"x\", \"unit\": \"亿元\"}]}");
        Path out = dir.resolve("out2");
        InputException e = assertThrows(InputException.class,
                () -> new RegionsRun(ws, out, "zh", 2, RegionsRun.Progress.NONE).run(List.of(dir.resolve("facts"))));
        assertTrue(e.problems().stream().anyMatch(p -> p.pointer().equals("/indicators/0/value")), e.problems().toString());
        try (var s = Files.list(out)) {
            assertEquals(0, s.count(), "nothing written, not even a temporary folder");
        }
    }
}
