package plancheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.app.RegionsRun;

/**
 * Progress on stderr without a terminal (a log, a pipe): a line per phase of a large run, and for many
 * regions the first, the last and a line every few seconds between them, each with the time left;
 * nothing with --quiet, nothing for a small one-region check.
 */
class StderrProgressTest {

    private static List<String> lines(StringWriter w) {
        return w.toString().lines().toList();
    }

    @Test
    void thousandsOfRegionsDoneQuicklyGiveAFewLinesNotOneEach() {
        StringWriter w = new StringWriter();
        RegionsRun.Progress p = StderrProgress.of(new PrintWriter(w), "zh", false, 1L << 30, false);
        p.phase("按地区归类2800份报送文件");
        p.start(2800);
        for (int i = 1; i <= 2800; i++) {
            p.region(String.format("合成县%04d", i), i, 2800, 990);
        }
        p.end();
        List<String> l = lines(w);
        assertTrue(l.size() >= 3 && l.size() <= 10, "bounded: " + l);
        assertTrue(l.get(0).contains("按地区归类2800份报送文件"), l.get(0));
        assertTrue(l.get(1).contains("核查2800个地区"), l.get(1));
        assertTrue(l.get(2).startsWith("plancheck: [1/2800] 合成县0001：990条结论，已用"), l.get(2));
        assertTrue(l.get(2).contains("预计还需"), "an estimate of what is left: " + l.get(2));
        String last = l.get(l.size() - 1);
        assertTrue(last.startsWith("plancheck: [2800/2800] 合成县2800：990条结论") && last.endsWith("预计还需0 s"), last);
    }

    @Test
    void englishLinesAndNothingWhenQuiet() {
        StringWriter w = new StringWriter();
        RegionsRun.Progress p = StderrProgress.of(new PrintWriter(w), "en", false, 1L << 30, false);
        p.start(2);
        p.region("A", 1, 2, 3);
        p.region("B", 2, 2, 4);
        assertTrue(lines(w).get(0).startsWith("plancheck: checking 2 region(s) ("), lines(w).get(0));
        assertTrue(lines(w).get(2).startsWith("plancheck: [2/2] B: 4 finding(s); "), lines(w).get(2));
        StringWriter q = new StringWriter();
        RegionsRun.Progress none = StderrProgress.of(new PrintWriter(q), "zh", true, 1L << 30, false);
        none.phase("读取");
        none.start(5);
        none.region("A", 1, 5, 1);
        none.end();
        assertEquals("", q.toString(), "--quiet says nothing");
    }

    @Test
    void aSmallOneRegionCheckSaysNothingALargeOneNamesItsPhases() {
        StringWriter small = new StringWriter();
        RegionsRun.Progress p = StderrProgress.of(new PrintWriter(small), "zh", false, 1000, false);
        p.start(1);
        p.phase("读取96份报送文件");
        p.region("垫江县", 1, 1, 816);
        p.end();
        assertEquals("", small.toString());
        StringWriter large = new StringWriter();
        RegionsRun.Progress q = StderrProgress.of(new PrintWriter(large), "zh", false, StderrProgress.LARGE + 1, false);
        q.start(1);
        q.phase("读取1份报送文件");
        q.region("垫江县", 1, 1, 18000);
        q.end();
        List<String> l = lines(large);
        assertEquals(2, l.size(), l.toString());
        assertTrue(l.get(0).startsWith("plancheck: 读取1份报送文件 ("), l.get(0));
        assertTrue(l.get(1).startsWith("plancheck: [1/1] 垫江县：18000条结论 ("), l.get(1));
    }
}
