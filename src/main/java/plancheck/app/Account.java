package plancheck.app;

/**
 * An account of the service.
 *
 * @param id       its number
 * @param username the login name
 * @param role     what it may do
 * @param bureau   the bureau id (responsible-units.yaml) for {@link Role#BUREAU}, else null
 * @param active   false once an administrator has disabled it
 */
public record Account(long id, String username, Role role, String bureau, boolean active) {

    /** @return true when the account may read everything (auditor) */
    public boolean readsEverything() {
        return role == Role.AUDITOR;
    }
}
