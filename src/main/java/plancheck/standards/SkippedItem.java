package plancheck.standards;

import java.math.BigDecimal;

/**
 * An item given for a section that does not count towards the section's class.
 *
 * @param item          submission key
 * @param value         the value given
 * @param reason        why it does not count
 * @param message       the reason in words, with the clause
 * @param separateClass for reference items that have limits on this waterbody (fecal coliform; TN
 *                      on lakes), the class the value reaches, reported separately (单独评价);
 *                      otherwise {@code null}
 */
public record SkippedItem(String item, BigDecimal value, Reason reason, String message, ItemClass separateClass) {

    /** Why an item does not count towards the section class. */
    public enum Reason {
        /**
         * A reference item (参考指标) of 环办〔2011〕22号 — water temperature, TN, fecal coliform —
         * evaluated separately, not in the section class.
         */
        REFERENCE_ITEM,
        /** GB 3838-2002 sets no limit for this item on this waterbody (TN on rivers). */
        NO_LIMIT_FOR_WATERBODY,
        /** The item is in 表1 but neither assessed nor a reference item in the assessment table. */
        NOT_ASSESSED
    }
}
