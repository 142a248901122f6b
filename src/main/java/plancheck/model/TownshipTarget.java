package plancheck.model;

import java.math.BigDecimal;

/**
 * A target assigned to one township or street (目标分解), from {@code plans/<plan>/townships.yaml}: judged every
 * year against the township's own figure.
 *
 * @param township   the township's name
 * @param indicator  the catalogue id or figure id it concerns
 * @param value      the assigned value, in the indicator's unit
 * @param comparator how the township's value is compared with it
 * @param text       the assignment as written, e.g. "2.1万吨以上"
 * @param document   the document that assigned it
 * @param fictional  true when the assignment is an example, not the county's real decomposition
 * @param file       the plan file it came from (display path)
 * @param pointer    where in the file
 */
public record TownshipTarget(String township, String indicator, BigDecimal value, Comparator comparator, String text,
                             Text document, boolean fictional, String file, String pointer) {

    /** @return where the assignment came from, for a finding's evidence */
    public Evidence evidence() {
        return new Evidence(file, pointer);
    }
}
