package plancheck.standards;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How sure a figure of a standards table is, where the standard's text was not available: stated in
 * the YAML ({@code confidence}) and carried into findings and {@code plancheck explain}.
 *
 * @param upTo  for a breakpoint row: the confidence holds for the brackets up to this concentration
 *              (inclusive); {@code null} for a single figure
 * @param level {@code confirmed} (checked against the standard's text or reproduced on published
 *              data) or {@code unconfirmed} (assumed, not checked)
 * @param basis what the level rests on, in words
 */
public record Confidence(BigDecimal upTo, String level, String basis) {
    /** The level of a figure checked against the text or reproduced on published data. */
    public static final String CONFIRMED = "confirmed";
    /** The level of a figure that was assumed. */
    public static final String UNCONFIRMED = "unconfirmed";

    /**
     * @throws NullPointerException     if level or basis is null
     * @throws IllegalArgumentException if level is neither confirmed nor unconfirmed
     */
    public Confidence {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(basis, "basis");
        if (!level.equals(CONFIRMED) && !level.equals(UNCONFIRMED)) {
            throw new IllegalArgumentException("confidence level must be confirmed or unconfirmed, found \"" + level + "\"");
        }
    }

    /** @return true unless the figure is unconfirmed */
    public boolean confirmed() {
        return CONFIRMED.equals(level);
    }
}
