package plancheck.app;

import java.util.List;
import java.util.Optional;

/**
 * Where revisions are kept (implemented by plancheck.store over a database). Nothing is updated or
 * deleted; a revision is stored whole, with its check's summary and its audit line, or not at all.
 */
public interface RevisionStore {

    /** What the check inside a storing transaction sees: the stored revisions with the new one. */
    interface View {
        /** @return the latest revision of every bureau and year of the region up to {@code maxYear} */
        List<Revision> latest(String region, int maxYear);

        /** @return a revision's bytes */
        byte[] content(long id);
    }

    /** The check run inside the storing transaction; its result is stored with the revision. */
    interface Check {
        /**
         * @param stored the revision as it will be stored (numbered)
         * @param view   the store as it will be once the revision is stored
         * @return the summary of the check, stored with the revision
         * @throws Exception any failure: nothing is stored
         */
        String run(Revision stored, View view) throws Exception;
    }

    /** The check failed: nothing was stored. */
    final class CheckFailedException extends Exception {
        /** @param cause what the check threw */
        public CheckFailedException(Exception cause) {
            super(cause);
        }
    }

    /**
     * Stores a revision: numbered after every revision stored before it, with its check's summary and the
     * audit line, in one transaction.
     *
     * @param n        the revision
     * @param base     the revision the filer based it on (0: the first of its bureau and year), or null for
     *                 no check
     * @param audit    the audit line written with it
     * @param check    the check run inside the transaction
     * @return the stored revision
     * @throws StaleRevisionException when {@code base} is not the latest of the bureau and year
     * @throws CheckFailedException   when the check throws
     */
    Revision append(NewRevision n, Long base, AuditEntry audit, Check check)
            throws StaleRevisionException, CheckFailedException;

    /**
     * @param region  the region
     * @param maxYear the last year
     * @param asOf    the last revision counted (Long.MAX_VALUE: all)
     * @return the latest revision of every bureau and year up to {@code maxYear}, withdrawals included,
     *         ordered by year, bureau
     */
    List<Revision> latest(String region, int maxYear, long asOf);

    /** @return the revision, if it exists */
    Optional<Revision> get(long id);

    /** @return a revision's bytes */
    byte[] content(long id);

    /**
     * @param region the region
     * @param bureau a bureau, or null for all
     * @param year   a year, or null for all
     * @param limit  at most this many (newest first)
     * @return the revisions, newest first
     */
    List<Revision> history(String region, String bureau, Integer year, int limit);

    /** @return the number of the last revision stored, 0 when none */
    long lastId();
}
