package plancheck.app;

import java.util.List;
import java.util.Optional;

/** Where rules versions and their activations are kept (implemented by plancheck.store). */
public interface RulesStore {
    /** Stores a version (its archive with it). */
    RulesVersion insert(long parent, String sha256, String origin, String changedPath, byte[] archive,
                        String submittedBy, boolean passed, String results, AuditEntry audit);

    /** @return the version, if any */
    Optional<RulesVersion> version(long id);

    /** @return a version's archive (zip) */
    byte[] archive(long id);

    /** @return every version, newest first */
    List<RulesVersion> versions();

    /** @return the version whose files have that SHA-256, if any (the oldest) */
    Optional<RulesVersion> bySha(String sha256);

    /**
     * Makes a version the active one.
     *
     * @param id       the version
     * @param expected the version the caller saw active (null: no check)
     * @throws StaleRevisionException when another version was activated meanwhile
     */
    void activate(long id, Long expected, AuditEntry audit) throws StaleRevisionException;

    /** @return the active version's number, 0 when none */
    long activeId();
}
