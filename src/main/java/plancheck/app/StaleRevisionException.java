package plancheck.app;

/** The filer based its change on a revision that is no longer the latest of its bureau and year (HTTP 409). */
public final class StaleRevisionException extends Exception {
    private final long expected;
    private final long latest;

    /**
     * @param expected the revision the filer named as its base (0: none yet)
     * @param latest   the latest revision now (0: none)
     */
    public StaleRevisionException(long expected, long latest) {
        super("base revision r" + expected + " is not the latest (r" + latest + ")");
        this.expected = expected;
        this.latest = latest;
    }

    /** @return the base the filer named */
    public long expected() { return expected; }

    /** @return the latest revision of the bureau and year */
    public long latest() { return latest; }
}
