package plancheck.standards;

import java.util.List;

/**
 * Class of one monitoring section by the single-factor method (单因子评价法, 环办〔2011〕22号):
 * the worst class among the assessed items given.
 *
 * <p>All lists are in GB 3838-2002 表1 row order, except {@code unknown} (sorted).
 *
 * @param waterbody  river or lake, as assessed
 * @param waterClass the section's class; {@code null} if no assessed item was given
 * @param deciding   the assessed item(s) whose class is the section's class, with value and limit
 * @param assessed   every assessed item given, with its class
 * @param skipped    items given that do not count: reference items (water temperature, TN, fecal
 *                   coliform; with their own class where they have limits), TN on rivers
 * @param missing    assessed items of the table not given (or given as null) — the section's class
 *                   rests only on the items that were given
 * @param unknown    keys that are not items of GB 3838-2002 表1
 */
public record SectionAssessment(Waterbody waterbody, WaterClass waterClass, List<ItemClass> deciding,
                                List<ItemClass> assessed, List<SkippedItem> skipped, List<String> missing,
                                List<String> unknown) {

    /**
     * Makes the lists unmodifiable.
     *
     * @param waterbody river or lake, as assessed
     * @param waterClass the section's class; {@code null} if no assessed item was given
     * @param deciding the assessed item(s) whose class is the section's class, with value and limit
     * @param assessed every assessed item given, with its class
     * @param skipped items given that do not count: reference items (water temperature, TN, fecal coliform; with their own class where they have limits), TN on rivers
     * @param missing assessed items of the table not given (or given as null) — the section's class rests only on the items that were given
     * @param unknown keys that are not items of GB 3838-2002 表1
     */
    public SectionAssessment {
        deciding = List.copyOf(deciding);
        assessed = List.copyOf(assessed);
        skipped = List.copyOf(skipped);
        missing = List.copyOf(missing);
        unknown = List.copyOf(unknown);
    }

    /** @return true if at least one assessed item was given, so {@link #waterClass()} is set */
    public boolean hasClass() {
        return waterClass != null;
    }

    /**
     * @param target a class, e.g. {@link WaterClass#III} for the plan's "达到或好于Ⅲ类" share
     * @return true if the section has a class and it is {@code target} or better
     */
    public boolean meets(WaterClass target) {
        return waterClass != null && waterClass.isAtLeast(target);
    }
}
