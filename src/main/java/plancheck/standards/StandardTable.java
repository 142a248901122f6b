package plancheck.standards;

/** A table of a national standard, read from {@code rules/standards/}, with the period it is in force. */
public interface StandardTable {
    /** @return when the table is in force, its clause and its file */
    Validity validity();
}
