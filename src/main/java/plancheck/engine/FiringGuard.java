package plancheck.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import plancheck.i18n.Msg;

/**
 * Keeps one firing of the rules within its limits: an agenda listener that counts the firings and halts
 * the session past {@link Limits#maxFirings()}, and a watchdog that halts it past
 * {@link Limits#seconds()}. A consequence that never returns (a loop inside one rule's action) cannot be
 * halted by Drools: after a grace period the watchdog stops the firing thread (Java 17), and where the
 * JVM refuses that, calls {@link #onStuck}, which the command line sets to end the process with exit 2.
 * Either way the run ends with a {@link RuleLimitException} naming the rules that fired most, never with
 * a report.
 */
public final class FiringGuard extends DefaultAgendaEventListener implements AutoCloseable {

    /**
     * The limits of one firing.
     *
     * @param maxFirings the most rule firings (matches whose action ran) in one check
     * @param seconds    the longest time the rules may fire in one check
     */
    public record Limits(long maxFirings, long seconds) {
        /** The defaults: far beyond any check of a county's year (the shipped examples fire about 600 times). */
        public static final Limits DEFAULT = new Limits(1_000_000, 120);

        /**
         * @return the limits from the system properties {@code plancheck.maxFirings} and
         *         {@code plancheck.timeLimit} (seconds), else the environment's {@code PLANCHECK_MAX_FIRINGS}
         *         and {@code PLANCHECK_TIME_LIMIT}, else {@link #DEFAULT}
         */
        public static Limits fromEnvironment() {
            return new Limits(setting("plancheck.maxFirings", "PLANCHECK_MAX_FIRINGS", DEFAULT.maxFirings()),
                    setting("plancheck.timeLimit", "PLANCHECK_TIME_LIMIT", DEFAULT.seconds()));
        }

        private static long setting(String property, String env, long dflt) {
            String v = System.getProperty(property);
            if (v == null) {
                v = System.getenv(env);
            }
            try {
                return v == null || v.isBlank() ? dflt : Math.max(1, Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
    }

    /** Called by the watchdog when a consequence does not return even after the thread was asked to stop. */
    public static volatile java.util.function.Consumer<plancheck.model.Text> onStuck = t -> {};

    private static final long GRACE_MILLIS = 2000;

    /** Starts the message of an {@link OutOfMemoryError} thrown while a rule's action ran; the rule's name follows. */
    public static final String RULE_MARK = "plancheck rule: ";

    private final KieSession session;
    private final Limits limits;
    private final Thread firing;
    private final Function<String, String> fileOf;
    private final Map<String, Long> counts = new HashMap<>();
    private final Thread watchdog;
    private volatile long total;
    private volatile String current;
    private volatile String reason; // "firings" or "time" once tripped
    private volatile boolean done;

    /**
     * Starts guarding a session that the calling thread is about to fire.
     *
     * @param session the session
     * @param limits  its limits
     * @param fileOf  rule name → its rules file (for the message), or null
     */
    public FiringGuard(KieSession session, Limits limits, Function<String, String> fileOf) {
        this.session = session;
        this.limits = limits;
        this.firing = Thread.currentThread();
        this.fileOf = fileOf;
        session.addEventListener(this);
        this.watchdog = new Thread(this::watch, "plancheck-rules-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch().getRule().getName();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        counts.merge(event.getMatch().getRule().getName(), 1L, Long::sum);
        current = null;
        if (++total > limits.maxFirings() && reason == null) {
            reason = "firings";
            session.halt();
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void watch() {
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(limits.seconds());
            synchronized (this) {
                while (!done && System.nanoTime() < end) {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                }
                if (done) {
                    return;
                }
                reason = "time";
            }
            session.halt();
            synchronized (this) {
                wait(GRACE_MILLIS);
                if (done) {
                    return;
                }
            }
            // still inside one consequence: halting does not reach it
            synchronized (this) {
                if (done) {
                    return;
                }
                try {
                    firing.stop();
                } catch (UnsupportedOperationException e) {
                    // a JVM that no longer stops threads
                }
            }
            synchronized (this) {
                wait(GRACE_MILLIS);
                if (done) {
                    return;
                }
            }
            onStuck.accept(limitText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return true when a limit stopped the firing */
    public boolean tripped() {
        return reason != null;
    }

    /** @return the rule whose action was running when the firing stopped, or null */
    public String current() {
        return current;
    }

    /** @return firings so far, by rule */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** @return the exception that names the limit and the rules that fired most */
    public RuleLimitException exception() {
        plancheck.model.Text t = limitText();
        return new RuleLimitException(t);
    }

    private plancheck.model.Text limitText() {
        List<Map.Entry<String, Long>> top = new ArrayList<>(counts().entrySet());
        top.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : top.subList(0, Math.min(3, top.size()))) {
            b.append(b.length() == 0 ? "" : ", ").append('"').append(plancheck.model.Bounded.cut(e.getKey())).append("\" ")
                    .append(e.getValue());
            String f = fileOf == null ? null : fileOf.apply(e.getKey());
            if (f != null) {
                b.append(" (").append(f).append(')');
            }
        }
        String running = current == null ? "" : plancheck.model.Bounded.cut(current);
        if ("time".equals(reason)) {
            String most = b.length() == 0 ? "—" : b.toString();
            return running.isEmpty() ? Msg.text("engine.time-limit", "seconds", limits.seconds(), "firings", total, "top", most)
                    : Msg.text("engine.time-limit-running", "running", running, "seconds", limits.seconds(), "firings", total, "top", most);
        }
        return Msg.text("engine.firing-limit", "limit", limits.maxFirings(), "top", b.toString());
    }

    /** Stops the watchdog; call once the firing returned. */
    @Override
    public void close() {
        synchronized (this) {
            done = true;
            notifyAll();
        }
    }

    /**
     * @param e     an error thrown while the rules fired
     * @param guard the guard of that firing
     * @return the defect to report instead: the limit that stopped the thread, or the rule whose action
     *         overflowed the stack
     * @throws OutOfMemoryError again, naming the rule that was running (the command line exits with 3)
     */
    @SuppressWarnings("removal")
    static RuleDefectException asDefect(Error e, FiringGuard guard) {
        if (e instanceof ThreadDeath && guard.tripped()) {
            return guard.exception();
        }
        if (e instanceof StackOverflowError) {
            String r = guard.current();
            return new RuleLimitException(r == null ? Msg.text("engine.stack-overflow-matching")
                    : Msg.text("engine.stack-overflow", "rule", plancheck.model.Bounded.cut(r)));
        }
        if (e instanceof OutOfMemoryError && guard.current() != null) {
            throw new OutOfMemoryError(RULE_MARK + plancheck.model.Bounded.cut(guard.current()));
        }
        throw e;
    }
}
