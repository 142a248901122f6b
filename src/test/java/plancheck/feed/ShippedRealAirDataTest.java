package plancheck.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import plancheck.load.Paths2;
import plancheck.standards.StandardsLoader;

/**
 * The real 2026 air submission of 垫江县 (facts/2026/cnemc-dianjiang-4137A-air.json) is what
 * {@code plancheck import cnemc} builds from the published rows in the repository
 * (data/cnemc/dianjiang-4137A-2026.csv), and every day leads back to its rows: the file's SHA-256
 * and line numbers whose station and official day are the record's.
 */
class ShippedRealAirDataTest {
    static final Path CSV = Path.of("data/cnemc/dianjiang-4137A-2026.csv");
    static final Path FACTS = Path.of("facts/2026/cnemc-dianjiang-4137A-air.json");

    @Test
    void theShippedDaysAreWhatTheImportBuildsFromTheRepositorysCsv() throws Exception {
        CnemcImport.Result r = CnemcImport.run(CSV, StandardsLoader.defaults().load().airLimits(),
                new CnemcImport.Options("垫江县", 2026, Set.of("4137A"), Set.of(), "x", null));
        ObjectMapper m = new ObjectMapper();
        JsonNode fresh = m.readTree(r.json());
        JsonNode shipped = m.readTree(Files.readString(FACTS, StandardCharsets.UTF_8));
        assertEquals(fresh.get("airDaily"), shipped.get("airDaily"), "re-run the command in docs/air.md and review the diff");
        assertEquals("垫江县", shipped.get("region").asText());
        assertEquals(2026, shipped.get("year").asInt());
        assertEquals(3470, r.rows(), "data/cnemc/README.md");
        assertEquals("2026-02-26…2026-07-24", CnemcImport.period(r));
        assertTrue(shipped.get("note").asText().startsWith("真实数据"), "the submission says it is real");
    }

    @Test
    void everyDayLeadsBackToItsPublishedRows() throws Exception {
        JsonNode shipped = new ObjectMapper().readTree(Files.readString(FACTS, StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(CSV, StandardCharsets.UTF_8);
        String sha = Paths2.sha256(CSV);
        int rows = 0;
        for (JsonNode d : shipped.get("airDaily")) {
            JsonNode src = d.get("source");
            assertEquals(CSV.toString(), src.get("file").asText());
            assertEquals(sha, src.get("sha256").asText());
            LocalDate date = LocalDate.parse(d.get("date").asText());
            for (String range : src.get("rows").asText().split(",")) {
                String[] ab = range.split("-");
                for (int n = Integer.parseInt(ab[0]); n <= Integer.parseInt(ab[ab.length - 1]); n++) {
                    String[] cells = lines.get(n - 1).split(",");
                    assertEquals("4137A", cells[2], "line " + n);
                    LocalDate day = LocalDate.parse(cells[1].substring(0, 10));
                    if (cells[1].endsWith("T0000")) {
                        day = day.minusDays(1);
                    }
                    assertEquals(date, day, "line " + n + " belongs to the record's official day");
                    rows++;
                }
            }
        }
        assertEquals(lines.size() - 1, rows, "every published row is behind exactly one day");
    }
}
