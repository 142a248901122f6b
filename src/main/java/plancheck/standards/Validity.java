package plancheck.standards;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a standards table is in force, and on what authority: the header every file of
 * {@code rules/standards/} carries ({@code kind}, {@code standard}, {@code validFrom}, {@code validTo},
 * {@code clause}). A computation uses the table whose period holds the date of the measurement; the
 * tables of one kind follow each other without overlap or gap ({@link Periods}).
 *
 * @param kind     what the table is for: {@code surface-water}, {@code air-quality-index},
 *                 {@code air-limits}, {@code accidents}, {@code standard-coal}
 * @param standard the standard's number, e.g. "HJ 633—2026"
 * @param from     first day in force
 * @param to       last day in force, or {@code null} while no successor is known
 * @param clause   the clause that puts the table in force (and, for an end date, the one that
 *                 replaces it)
 * @param file     the table's file as shown in reports ({@code rules/standards/hj633-2026.yaml})
 */
public record Validity(String kind, String standard, LocalDate from, LocalDate to, String clause, String file) {

    /**
     * @throws NullPointerException     if kind, standard, from, clause or file is null
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Validity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(from, "validFrom");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(file, "file");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("validTo " + to + " is before validFrom " + from);
        }
    }

    /**
     * @param date a day
     * @return true if the table is in force on that day
     */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /** @return the period in words, "2016-01-01—2026-02-28" or "2026-03-01起" (zh) */
    public String periodZh() {
        return to == null ? from + "起" : from + "至" + to;
    }

    /** @return the period in words, "2016-01-01 to 2026-02-28" or "from 2026-03-01" (en) */
    public String periodEn() {
        return to == null ? "from " + from : from + " to " + to;
    }
}
