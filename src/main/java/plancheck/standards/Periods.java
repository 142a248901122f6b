package plancheck.standards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tables of one kind in the order they came into force. They must follow each other: no two in
 * force on the same day, no day between two of them without a table; only the last may be open-ended
 * ({@code validTo} absent). Days before the first table or after the last one have no table.
 *
 * @param <T> the table type
 */
public final class Periods<T extends StandardTable> {
    private final String kind;
    private final List<T> tables;

    /**
     * @param kind   the kind all tables share
     * @param tables the tables, in any order
     * @throws PeriodException if a table has another kind, two periods overlap, or there is a gap or an
     *                         open end before the last table; it names the table at fault and the other
     */
    public Periods(String kind, List<T> tables) {
        this.kind = kind;
        List<T> l = new ArrayList<>(tables);
        l.sort(Comparator.comparing((T t) -> t.validity().from()).thenComparing(t -> t.validity().file()));
        for (T t : l) {
            if (!t.validity().kind().equals(kind)) {
                throw new PeriodException(PeriodException.Reason.KIND, kind, t.validity(), null, "is of kind " + t.validity().kind() + ", not " + kind);
            }
        }
        for (int i = 1; i < l.size(); i++) {
            Validity a = l.get(i - 1).validity();
            Validity b = l.get(i).validity();
            if (a.to() == null || !b.from().isAfter(a.to())) {
                throw new PeriodException(PeriodException.Reason.OVERLAP, kind, b, a, "its period " + b.periodEn() + " overlaps " + a.file() + " (" + a.standard()
                        + ", " + a.periodEn() + "): two " + kind + " tables would be in force on " + b.from());
            }
            if (!b.from().equals(a.to().plusDays(1))) {
                throw new PeriodException(PeriodException.Reason.GAP, kind, b, a, "its period starts on " + b.from() + " but " + a.file() + " (" + a.standard()
                        + ") ends on " + a.to() + ": no " + kind + " table is in force from " + a.to().plusDays(1)
                        + " to " + b.from().minusDays(1));
            }
        }
        this.tables = List.copyOf(l);
    }

    /** @return the kind of the tables */
    public String kind() {
        return kind;
    }

    /** @return the tables, earliest first */
    public List<T> all() {
        return tables;
    }

    /**
     * @param date a day
     * @return the table in force that day, or {@code null} when none is
     */
    public T on(LocalDate date) {
        for (T t : tables) {
            if (t.validity().covers(date)) {
                return t;
            }
        }
        return null;
    }

    /**
     * @param from first day
     * @param to   last day (inclusive), not before {@code from}
     * @return the tables in force on some day of the range, earliest first
     */
    public List<T> within(LocalDate from, LocalDate to) {
        List<T> out = new ArrayList<>();
        for (T t : tables) {
            Validity v = t.validity();
            if (!v.from().isAfter(to) && (v.to() == null || !v.to().isBefore(from))) {
                out.add(t);
            }
        }
        return out;
    }

    /** @return "hj633-2012.yaml (2016-01-01 to 2026-02-28), hj633-2026.yaml (from 2026-03-01)" for messages */
    public String describe() {
        List<String> l = new ArrayList<>();
        tables.forEach(t -> l.add(t.validity().file() + " (" + t.validity().periodEn() + ")"));
        return l.isEmpty() ? "none" : String.join(", ", l);
    }

    /** Periods that overlap or leave a gap: names the table at fault and the one it collides with. */
    public static final class PeriodException extends IllegalArgumentException {
        /** What is wrong with the periods. */
        public enum Reason {
            /** The table is of another kind than the others. */
            KIND,
            /** Its period overlaps the other's. */
            OVERLAP,
            /** Days between the other's end and its start have no table. */
            GAP
        }

        private final Reason reason;
        private final String kind;
        private final transient Validity table;
        private final transient Validity other;

        PeriodException(Reason reason, String kind, Validity table, Validity other, String problem) {
            super(problem);
            this.reason = reason;
            this.kind = kind;
            this.table = table;
            this.other = other;
        }

        /** @return what is wrong */
        public Reason reason() {
            return reason;
        }

        /** @return the kind the tables were expected to share */
        public String kind() {
            return kind;
        }

        /** @return the table whose period is at fault (the later one) */
        public Validity table() {
            return table;
        }

        /** @return the table it collides with, or null */
        public Validity other() {
            return other;
        }
    }
}
