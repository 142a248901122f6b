package plancheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import plancheck.TestSupport;

/**
 * A warning that says the figure is wrong (a submitted value the records contradict, townships that do not add
 * up to the county, an incomplete year of station data) is counted and listed as a data problem, not as a
 * warning on the target; and a record's source rows that no CSV file can have are refused at their pointer.
 */
class DataProblemTriageTest {

    @TempDir
    Path dir;

    @Test
    void everyWarningThatReportsADataProblemIsMarkedOne() throws Exception {
        String[] r = TestSupport.check(dir.resolve("out"), "zh", Path.of("facts"));
        assertEquals("1", r[0], r[2]);
        JsonNode rep = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        List<String> marked = new ArrayList<>();
        int flaggedAll = 0;
        for (JsonNode f : rep.get("findings")) {
            flaggedAll += f.path("dataProblem").asBoolean(false) ? 1 : 0;
            boolean says = f.path("message").path("zh").asText().startsWith("数据问题");
            boolean flagged = f.path("dataProblem").asBoolean(false);
            if ("WARNING".equals(f.path("status").asText()) && says) {
                assertTrue(flagged, "marked as a data problem: " + f.path("indicator").asText() + " "
                        + f.path("subject").asText() + " " + f.path("year").asInt());
                marked.add(f.path("indicator").asText() + "/" + f.path("subject").asText());
            }
        }
        // the water figure the section records contradict (2026), the townships' grain sum (2027), the air year
        assertEquals(List.of("air_good_days_ratio/垫江县", "surface_water_class3_share/垫江县·断面核算",
                "grain_capacity/垫江县·乡镇汇总"), marked.stream().sorted(java.util.Comparator.comparing(
                        (String m) -> m.startsWith("air") ? 0 : m.startsWith("surface") ? 1 : 2)).toList());
        // and the station's incomplete year, which lists its days' problems
        assertTrue(flaggedAll > marked.size(), "flagged " + flaggedAll);
        assertTrue(r[1].contains("（其中数据问题" + flaggedAll + "条）"), r[1]);
    }

    @Test
    void sourceRowsNoFileCanHaveAreRefusedAtTheirPointer() {
        for (String rows : List.of("99999999999-1", "5-2", "0-3")) {
            Path f = TestSupport.write(dir.resolve("air-" + rows + ".json"), """
                    {"region": "垫江县", "year": 2026, "submitter": "县生态环境局",
                     "airDaily": [{"station": "4137A", "date": "2026-03-03", "PM2.5": 17, "PM10": 28, "SO2": 7,
                       "NO2": 12, "CO": 0.6, "O3_8h": 43,
                       "source": {"file": "data/cnemc/x.csv", "sha256": "%s", "rows": "%s"}}]}
                    """.formatted("a".repeat(64), rows));
            String[] r = TestSupport.check(dir.resolve("o"), "zh", f);
            assertEquals("2", r[0], rows + ": " + r[2]);
            assertTrue(r[2].contains("/airDaily/0/source/rows: 应为行号范围（1至999999999，由小到大）"), r[2]);
            assertFalse(r[2].contains("Exception"), r[2]);
        }
    }
}
