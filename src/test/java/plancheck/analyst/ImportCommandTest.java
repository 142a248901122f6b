package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plancheck import cnemc}: a submission written whole, or on bad input exit 2 with every problem
 * (file, line, column) in the user's language and nothing written; {@code plancheck bench} keeps
 * {@code bench PATH…} and adds {@code bench cnemc FILE}.
 */
class ImportCommandTest {

    @Test
    void theRealFileBecomesASubmissionThatChecks(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("air.json");
        Cli.Run run = Cli.run("import", "cnemc", "--region", "垫江县", "--year", "2026", "--station", "4137A", "--out", out.toString(),
                "data/cnemc/dianjiang-4137A-2026.csv");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("读取3470行；写出1个站点149天（2026-02-26…2026-07-24）"), run.err());
        String json = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"date\": \"2026-03-01\""), json.substring(0, 300));
        Cli.Run check = Cli.run("check", "--out", dir.resolve("reports").toString(), out.toString());
        assertEquals(0, check.exit(), check.toString());
    }

    @Test
    void aMalformedCsvWritesNothingAndNamesLineAndColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        java.util.List<String> lines = Files.readAllLines(Path.of("data/cnemc/dianjiang-4137A-2026.csv"), StandardCharsets.UTF_8).subList(0, 4);
        lines.set(2, lines.get(2).replace(",0.6,0.5", ",很多,0.5"));
        Files.write(csv, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("air.json");
        Cli.Run run = Cli.run("import", "cnemc", "--region", "垫江县", "--year", "2026", "--out", out.toString(), csv.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("bad.csv:3:22: co列：应为数值、NA或空，实为“很多”"), run.err());
        assertFalse(Files.exists(out), "nothing written");
        Cli.Run en = Cli.run("import", "cnemc", "--lang", "en", "--region", "垫江县", "--year", "2026", csv.toString());
        assertTrue(en.err().contains("column co: expected a number, NA or an empty cell, found \"很多\""), en.err());
    }

    @Test
    void benchKeepsItsPathsAndHasACnemcSubcommand(@TempDir Path dir) throws Exception {
        Cli.Run none = Cli.run("bench");
        assertEquals(2, none.exit(), none.toString());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "", StandardCharsets.UTF_8);
        Cli.Run bad = Cli.run("bench", "cnemc", "--runs", "1", empty.toString());
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("empty.csv:1:1:"), bad.err());
    }
    /**
     * The synthetic benchmark at a small size: plancheck's verdicts agree with the plain computation
     * (an independent loop over the same files and standard tables), for one county with every kind of
     * record and for several counties each with its own plan; the data and reports are kept where asked.
     */
    @Test
    void syntheticBenchAgreesWithThePlainComputation(@TempDir Path dir) throws Exception {
        Cli.Run one = Cli.run("bench", "synthetic", "-q", "--sections", "6", "--stations", "2", "--accidents", "15",
                "--years", "2", "--data", dir.resolve("data").toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, one.exit(), one.toString());
        assertTrue(one.out().contains("differences: 0"), one.out());
        assertTrue(one.out().contains("W=12"), "6 sections × 2 years compared: " + one.out());
        assertTrue(one.out().contains("plancheck's reading and judging alone ÷ plain Java: wall "), one.out());
        assertTrue(Files.isRegularFile(dir.resolve("out/report.json")), "reports kept");
        assertTrue(Files.isDirectory(dir.resolve("data/facts")), "data kept");
        assertEquals("", one.err(), "quiet");

        Cli.Run three = Cli.run("bench", "synthetic", "-q", "--regions", "3", "--sections", "2", "--accidents", "5",
                "--years", "1", "--threads", "2");
        assertEquals(0, three.exit(), three.toString());
        assertTrue(three.out().contains("differences: 0"), three.out());
        assertTrue(three.out().contains("3 region(s)"), three.out());
        assertFalse(three.out().contains("reading and judging alone"), "summed over regions run at once: not shown");

        // a size out of its bounds: the option and the value named, exit 2, nothing run
        Cli.Run bad = Cli.run("bench", "synthetic", "-q", "--years", "9");
        assertEquals(2, bad.exit(), bad.toString());
        assertEquals("plancheck bench synthetic: --years：应为1至5之间的整数，实为9 / --years: expected a whole number from 1 to 5, found 9",
                bad.err().strip());
        assertEquals("", bad.out());
    }
}
