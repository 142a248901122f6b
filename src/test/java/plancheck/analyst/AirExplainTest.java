package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plancheck explain} on air findings: the tables applied with their periods and the days each
 * judged, the brackets a table marks unconfirmed (and the days whose AQI rests on one), the change of
 * basis with its reference figure, and, for the real 2026 data, the way back to the published CSV rows.
 */
class AirExplainTest {

    @Test
    void theRealDataLeadBackToThePublishedRowsUnderBothTables(@TempDir Path out) {
        Cli.Run check = Cli.run("check", "--out", out.toString(), "facts");
        assertEquals(1, check.exit(), check.toString());
        Cli.Run run = Cli.run("explain", out.resolve("report.json").toString(), "--indicator", "air_good_days_ratio",
                "--year", "2026", "--subject", "4137A");
        assertEquals(0, run.exit(), run.toString());
        String o = run.out();
        assertTrue(o.contains("适用标准 = 3 天   ← HJ 633-2012（2016-01-01至2026-02-28；"), o);
        assertTrue(o.contains("适用标准 = 146 天   ← HJ 633—2026（2026-03-01起；"), o);
        assertTrue(o.contains("未经确认的分段（置信度unconfirmed）：PM2.5 115–500："), o);
        assertTrue(o.contains("口径变化参考值 = 100 %"), o);
        assertTrue(o.contains("↳ data/cnemc/dianjiang-4137A-2026.csv#rows 2-3471   共3470行；第2行：2026-02-26T20.csv,2026-02-26T2000,4137A"), o);
        assertTrue(o.contains("↳ facts/2026/cnemc-dianjiang-4137A-air.json#/airDaily/0/source"), o);
        assertTrue(o.contains("\"rows\":\"2-6\"} ✓"), o);
    }

    @Test
    void aDayOnAnUnconfirmedBracketIsCountedAndTheBasisChangeExplained(@TempDir Path dir) throws Exception {
        StringBuilder days = new StringBuilder();
        String[][] d = {{"2026-02-27", "70"}, {"2026-02-28", "30"}, {"2026-03-01", "70"}, {"2026-03-02", "120"}};
        for (String[] x : d) {
            days.append(days.length() == 0 ? "" : ",\n").append("{\"station\": \"A\", \"date\": \"").append(x[0]).append("\", \"PM2.5\": ")
                    .append(x[1]).append(", \"PM10\": 40, \"SO2\": 8, \"NO2\": 20, \"CO\": 0.6, \"O3_8h\": 80}");
        }
        Path f = dir.resolve("air.json");
        Files.writeString(f, "{\"region\": \"垫江县\", \"year\": 2026, \"airDaily\": [\n" + days + "\n]}\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("check", "--out", out.toString(), f.toString()).exit());
        Cli.Run run = Cli.run("explain", out.resolve("report.json").toString(), "--indicator", "air_good_days_ratio", "--year", "2026");
        String o = run.out();
        // 2026-03-02 at 120 μg/m³: IAQI 158 on HJ 633—2026's PM2.5 115–150 bracket, marked unconfirmed
        assertTrue(o.contains("HJ 633—2026（2026-03-01起；") && o.contains("；其中1天的AQI取决于未经确认的分段"), o);
        // official: 02-27 (70, 2012) and 02-28 good, 03-01 (70) and 03-02 not → 50 %; all under 2012: 3 of 4 → 75 %
        assertTrue(o.contains("垫江县·口径变化"), o);
        assertTrue(o.contains("口径变化参考值 = 75 %   ← 口径变化：基期2025年及以前按HJ 633-2012评价；本年各日全部按HJ 633-2012核算，优良3天/有效4天"), o);
    }
}
