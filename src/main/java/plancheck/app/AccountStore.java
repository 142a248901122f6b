package plancheck.app;

import java.util.List;
import java.util.Optional;

/** Where accounts are kept (implemented by plancheck.store); passwords only as hashes. */
public interface AccountStore {

    /** An account with its password hash. */
    record Stored(Account account, String passwordHash) {}

    /** @return the account of that username, if any */
    Optional<Stored> find(String username);

    /** @return the account with that number, if any */
    Optional<Account> byId(long id);

    /**
     * @return the new account
     * @throws IllegalArgumentException when the username is taken
     */
    Account create(String username, String passwordHash, Role role, String bureau, AuditEntry audit);

    /** @return every account, by username */
    List<Account> list();

    /** Replaces an account's password hash. */
    void setPassword(long id, String passwordHash, AuditEntry audit);

    /** Enables or disables an account. */
    void setActive(long id, boolean active, AuditEntry audit);

    /** @return the number of active administrators */
    int activeAdmins();
}
