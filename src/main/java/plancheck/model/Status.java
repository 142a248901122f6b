package plancheck.model;

/**
 * The verdict of one finding (contract §3, {@code status}).
 *
 * <p>Order matters: reports list the most serious first ({@link #severity()}).
 */
public enum Status {
    /** A binding (约束性) target or constraint is broken, or a rule marked binding failed. */
    VIOLATION(0),
    /** An expected (预期性) target is behind, a value is close to a binding limit, a trend runs the
     *  wrong way, or a data problem weakens a result. */
    WARNING(1),
    /** The target applies to the year but nothing was submitted for it. */
    NO_DATA(2),
    /** The target itself is not set yet (市级下达 / 达到市上考核目标). */
    PENDING(3),
    /** The value meets what the year had to reach. */
    PASS(4),
    /** A year before the plan period (≤ 2025): recorded as a starting point, nothing judged. */
    BASELINE(5);

    private final int severity;

    Status(int severity) { this.severity = severity; }

    /** @return 0 for the most serious status (VIOLATION) up to 5 (BASELINE). */
    public int severity() { return severity; }
}
