package plancheck.app;

/** The database cannot be reached or failed: nothing was stored by the action that met it (HTTP 503). */
public final class StoreUnavailableException extends RuntimeException {
    /** @param cause the driver's or pool's exception (logged, never shown to users) */
    public StoreUnavailableException(Throwable cause) {
        super("the database is not available", cause);
    }
}
