package plancheck.app;

import java.util.Locale;

/** What an account of the service may do (docs/service.md). */
public enum Role {
    /** Files and withdraws its own bureau's indicators and records; reads the county's reports. */
    BUREAU,
    /** Reads everything, the audit log included; changes nothing. */
    AUDITOR,
    /** Submits rules changes as candidates and activates those whose lint and scenarios pass. */
    ANALYST,
    /** Manages accounts. */
    ADMIN;

    /** @return the lower-case id used in the database, the API and the pages */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role of an id, or null */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
