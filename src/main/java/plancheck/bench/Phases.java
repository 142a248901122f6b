package plancheck.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time, CPU time and peak heap of the phases of a benchmark run, measured in this JVM.
 * CPU time is the process's (every thread: the work, the garbage collector, the JIT compilers); the
 * peak heap of a phase is the sum of the heap pools' peaks since the phase began (an upper bound of
 * the heap in use at any one moment, garbage not yet collected included).
 */
public final class Phases {

    /**
     * One measured phase.
     *
     * @param name      what was done
     * @param wallMs    elapsed time
     * @param cpuMs     CPU time of the process
     * @param peakHeapMiB peak heap in use
     */
    public record Phase(String name, double wallMs, double cpuMs, double peakHeapMiB) {}

    private final List<Phase> done = new ArrayList<>();
    private String name;
    private long wall0;
    private long cpu0;

    /** Starts a phase (ending the one running, if any). */
    public void start(String phase) {
        if (name != null) {
            end();
        }
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        name = phase;
        cpu0 = cpu();
        wall0 = System.nanoTime();
    }

    /** @return the phase just ended */
    public Phase end() {
        double wall = (System.nanoTime() - wall0) / 1e6;
        double cpu = (cpu() - cpu0) / 1e6;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        Phase ph = new Phase(name, wall, cpu, peak / 1048576.0);
        done.add(ph);
        name = null;
        return ph;
    }

    /** @return the phases measured, in order */
    public List<Phase> phases() {
        return done;
    }

    /** @return the sum of the wall times of the phases named */
    public double wall(String... names) {
        return sum(Phase::wallMs, names);
    }

    /** @return the sum of the CPU times of the phases named */
    public double cpu(String... names) {
        return sum(Phase::cpuMs, names);
    }

    private double sum(java.util.function.ToDoubleFunction<Phase> of, String... names) {
        return done.stream().filter(p -> List.of(names).contains(p.name())).mapToDouble(of).sum();
    }

    /** Prints one line per phase. */
    public void print(PrintWriter out) {
        // the first column as wide as the longest phase's name (at most 80), so that the figures line up
        int w = Math.min(80, Math.max(34, done.stream().mapToInt(p -> p.name().length()).max().orElse(0)));
        out.printf("  %-" + w + "s %10s %10s %12s%n", "phase", "wall ms", "CPU ms", "peak heap MiB");
        for (Phase p : done) {
            out.printf(java.util.Locale.ROOT, "  %-" + w + "s %10.0f %10.0f %12.0f%n", p.name(), p.wallMs(), p.cpuMs(),
                    p.peakHeapMiB());
        }
    }

    private static long cpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
