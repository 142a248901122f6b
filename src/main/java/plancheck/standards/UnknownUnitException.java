package plancheck.standards;

/**
 * A quantity unit that {@link StandardCoal} cannot use: not in the unit table, or not convertible to
 * the carrier's unit (e.g. kWh for raw coal). {@link #unit()} is the unit as given,
 * {@link #carrier()} the carrier it was given for.
 */
public class UnknownUnitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The unit as given. */
    private final String unit;
    /** The carrier the unit was given for. */
    private final String carrier;

    /**
     * @param unit    the unit as given
     * @param carrier the carrier id
     * @param detail  what is wrong, for the message
     */
    public UnknownUnitException(String unit, String carrier, String detail) {
        super("unit \"" + unit + "\" cannot be used for energy carrier \"" + carrier + "\": " + detail);
        this.unit = unit;
        this.carrier = carrier;
    }

    /** @return the unit as given */
    public String unit() {
        return unit;
    }

    /** @return the carrier id the unit was given for */
    public String carrier() {
        return carrier;
    }
}
