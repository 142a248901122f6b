package plancheck.standards;

/**
 * An energy carrier that {@code rules/standards/gb-t-2589.yaml} does not know. Thrown by
 * {@link StandardCoal}; {@link #carrier()} is the name as given.
 */
public class UnknownCarrierException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The carrier as given. */
    private final String carrier;

    /**
     * @param carrier the carrier as given
     * @param known   the known carrier ids, for the message
     */
    public UnknownCarrierException(String carrier, java.util.Collection<String> known) {
        super("unknown energy carrier \"" + carrier + "\" (GB/T 2589 table knows: " + String.join(", ", known) + ")");
        this.carrier = carrier;
    }

    /** @return the carrier as given */
    public String carrier() {
        return carrier;
    }
}
