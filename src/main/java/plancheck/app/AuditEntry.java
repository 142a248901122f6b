package plancheck.app;

import java.time.Instant;

/**
 * One line of the append-only audit log: who did what, when, from where.
 *
 * @param id      its number (order of writing); 0 before it is written
 * @param at      when
 * @param actor   the account's username, or the name tried at a failed login, or "system"
 * @param action  e.g. {@code login}, {@code file}, {@code file-refused}, {@code withdraw}, {@code account-create}
 * @param target  what it was done to, e.g. {@code revision 12}, {@code safety 2026}
 * @param detail  a short result (bounded), e.g. the refusal's first problem
 * @param address the client's address
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail,
                         String address) {

    /** @return a new entry, stamped now, with the detail cut to 500 characters */
    public static AuditEntry of(String actor, String action, String target, String detail, String address) {
        return new AuditEntry(0, Instant.now(), cut(actor, 64), cut(action, 32), cut(target, 200), cut(detail, 500),
                cut(address, 64));
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
