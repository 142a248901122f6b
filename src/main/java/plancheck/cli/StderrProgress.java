package plancheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import plancheck.app.RegionsRun;
import plancheck.i18n.Msg;

/**
 * Progress of a check on stderr: a progress bar (me.tongfei:progressbar) with the region being done and
 * the time left when stderr is a terminal; otherwise a line per phase, and for the regions a line for the
 * first, the last and one every few seconds between them, with the regions done, the time elapsed and
 * the time left. A run of one region says nothing unless its input is large; {@code --quiet} says
 * nothing at all.
 */
final class StderrProgress implements RegionsRun.Progress {

    /** Input above which a run of one region reports its phases (bytes). */
    static final long LARGE = 20L << 20;

    /** Without a terminal, at most one line per this many nanoseconds between the first and the last region. */
    static final long LINE_EVERY = 5_000_000_000L;

    private final PrintWriter err;
    private final String lang;
    private final boolean terminal;
    private final boolean phases;
    private final long t0 = System.nanoTime();
    private ProgressBar bar;
    private int total;
    private long lastLine = Long.MIN_VALUE;

    private StderrProgress(PrintWriter err, String lang, boolean terminal, boolean phases) {
        this.err = err;
        this.lang = lang;
        this.terminal = terminal;
        this.phases = phases;
    }

    /**
     * @param err    stderr
     * @param lang   language of the lines
     * @param quiet  true for nothing
     * @param inputs total size of the input files, bytes
     * @return the progress to report to
     */
    static RegionsRun.Progress of(PrintWriter err, String lang, boolean quiet, long inputs) {
        return of(err, lang, quiet, inputs, stderrIsTerminal());
    }

    /** The same, saying whether stderr is a terminal (tests). */
    static RegionsRun.Progress of(PrintWriter err, String lang, boolean quiet, long inputs, boolean terminal) {
        if (quiet) {
            return RegionsRun.Progress.NONE;
        }
        return new StderrProgress(err, lang, terminal, inputs > LARGE);
    }

    /** @return true when stderr is a terminal (Linux: fd 2 is a tty device; elsewhere: a console exists) */
    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // fall through
        }
        return System.console() != null;
    }

    @Override
    public synchronized void phase(String text) {
        if (phases && bar == null) {
            err.println("plancheck: " + text + " (" + elapsed() + ")");
            err.flush();
        }
    }

    @Override
    public synchronized void start(int regions) {
        total = regions;
        if (regions <= 1) {
            return;
        }
        if (terminal) {
            err.flush();
            bar = new ProgressBarBuilder().setTaskName("plancheck").setInitialMax(regions)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" " + unit(), 1).build();
        } else {
            err.println("plancheck: " + Msg.get(lang, "app.progress-regions", "total", regions) + " (" + elapsed() + ")");
            err.flush();
        }
    }

    private String unit() {
        return "en".equals(lang) ? "regions" : "个地区";
    }

    @Override
    public synchronized void region(String region, int done, int total, int findings) {
        if (total <= 1) {
            phase(Msg.get(lang, "app.progress-region", "done", done, "total", total, "region", region, "findings", findings));
            return;
        }
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(region);
            return;
        }
        long now = System.nanoTime();
        if (done != 1 && done < total && lastLine != Long.MIN_VALUE && now - lastLine < LINE_EVERY) {
            return; // a log of thousands of regions gets a line every few seconds, not one per region
        }
        lastLine = now;
        double s = (now - t0) / 1e9;
        String left = done >= total ? "0 s" : seconds(s / done * (total - done));
        err.println("plancheck: " + Msg.get(lang, "app.progress-region", "done", done, "total", total, "region", region,
                "findings", findings) + Msg.get(lang, "app.progress-left", "elapsed", seconds(s), "left", left));
        err.flush();
    }

    @Override
    public synchronized void end() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private String elapsed() {
        return seconds((System.nanoTime() - t0) / 1e9);
    }

    private static String seconds(double s) {
        if (s < 90) {
            return String.format(java.util.Locale.ROOT, "%.0f s", s);
        }
        return String.format(java.util.Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
}
