package plancheck.app;

import java.time.Instant;

/**
 * One accepted filing, kept for ever: a bureau's file for one region and year, or its withdrawal.
 * Revisions are numbered in the order they were stored (no gaps, no reuse), so "the state as of
 * revision N" never changes once N exists.
 *
 * @param id           its number, in the order of storing
 * @param region       the region (the submission's {@code region})
 * @param bureau       the filing bureau's id
 * @param year         the year reported
 * @param seq          1, 2, 3 … for the bureau, region and year
 * @param kind         {@link #FILED} or {@link #WITHDRAWN}
 * @param stage        "final" or "preliminary" (null for a withdrawal)
 * @param fileName     the uploaded file's name (bounded)
 * @param mediaType    e.g. {@code application/json}
 * @param sha256       SHA-256 of the bytes (of the empty content for a withdrawal)
 * @param size         bytes
 * @param filedBy      the account's username
 * @param filedAt      when it was stored
 * @param address      from where
 * @param rulesVersion the rules version it was checked with
 * @param summary      the verdicts of the year at filing, e.g. {@code VIOLATION 1, WARNING 3, PASS 20}
 */
public record Revision(long id, String region, String bureau, int year, int seq, String kind, String stage,
                       String fileName, String mediaType, String sha256, long size, String filedBy, Instant filedAt,
                       String address, long rulesVersion, String summary) {

    /** A file filed. */
    public static final String FILED = "filed";
    /** A withdrawal: the bureau's year holds nothing from this revision on, until it files again. */
    public static final String WITHDRAWN = "withdrawn";

    /** @return true for a withdrawal */
    public boolean withdrawn() {
        return WITHDRAWN.equals(kind);
    }

    /** @return "r12" */
    public String label() {
        return "r" + id;
    }

    /** The same revision with the check's summary. */
    public Revision withSummary(String s) {
        return new Revision(id, region, bureau, year, seq, kind, stage, fileName, mediaType, sha256, size, filedBy,
                filedAt, address, rulesVersion, s);
    }
}
