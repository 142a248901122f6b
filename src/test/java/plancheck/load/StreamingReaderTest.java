package plancheck.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;

/**
 * The submission reader reads records one at a time: the result must not depend on where the year
 * stands in the file, problems keep their line and column, and the hash covers every byte.
 */
class StreamingReaderTest {

    @TempDir
    Path dir;

    private static final String SAMPLES = "\"waterSamples\": [\n"
            + "  {\"section\": \"S1\", \"waterbody\": \"river\", \"month\": \"2026-01\", \"values\": {\"DO\": 7}},\n"
            + "  {\"section\": \"S1\", \"waterbody\": \"river\", \"month\": \"2026-02\", \"values\": {\"DO\": 6.5}}\n]";

    private static List<Submission> read(Path f) throws Exception {
        return new SubmissionReader(Set.of("gdp"), 2030).readAll(List.of(f));
    }

    @Test
    void recordsBeforeTheYearAreReadAsWell() throws Exception {
        Path first = TestSupport.write(dir.resolve("a.json"), "{\"region\": \"垫江县\", \"year\": 2026,\n" + SAMPLES + "}\n");
        Path last = TestSupport.write(dir.resolve("b.json"), "{\"region\": \"垫江县\",\n" + SAMPLES + ",\n\"year\": 2026}\n");
        Submission a = read(first).get(0);
        Submission b = read(last).get(0);
        assertEquals(2, b.water().size());
        assertEquals(a.water().get(1).values(), b.water().get(1).values());
        assertEquals(2026, b.water().get(0).year());
        assertEquals("/waterSamples/1", b.water().get(1).evidence().pointer());
    }

    @Test
    void aProblemInARecordNamesItsLineAndColumn() throws Exception {
        Path f = TestSupport.write(dir.resolve("c.json"), "{\"region\": \"垫江县\", \"year\": 2026,\n"
                + "\"waterSamples\": [\n  {\"section\": \"S1\", \"waterbody\": \"river\", \"month\": \"2026-01\", \"values\": {\"DO\": 7}},\n"
                + "  {\"section\": \"S1\", \"waterbody\": \"river\", \"month\": \"2026-13\", \"values\": {\"DO\": \"x\"}}\n]}\n");
        InputException e = assertThrows(InputException.class, () -> read(f));
        List<String> got = e.problems().stream().map(InputProblem::toString).toList();
        assertTrue(got.stream().anyMatch(s -> s.contains(":4:") && s.contains("/waterSamples/1/month: expected a month")),
                got.toString());
        assertTrue(got.stream().anyMatch(s -> s.contains(":4:") && s.contains("/waterSamples/1/values/DO: expected a number")), got.toString());
        assertEquals(2, got.size(), got.toString());
    }

    @Test
    void theHashCoversTheWholeFile() throws Exception {
        Path f = TestSupport.write(dir.resolve("d.json"), "\uFEFF{\"region\": \"垫江县\", \"year\": 2026}\n\n   \n");
        assertEquals(Paths2.sha256(Files.readAllBytes(f)), read(f).get(0).sha256());
    }
}
