package plancheck.service;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** Password hashes with bcrypt (at.favre.lib:bcrypt; cost 10, a fresh salt each time). */
final class Passwords {
    private Passwords() {}

    static final int COST = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    static final int MAX_BYTES = 72;
    static final int MIN_LENGTH = 10;

    static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    static boolean verify(String password, String hash) {
        if (password == null || hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** @return null when acceptable, else the message key saying why not */
    static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "service.password-short";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "service.password-long";
        }
        return null;
    }

    /** A hash to verify against when the user does not exist, so that the time does not tell. */
    static final String DUMMY = hash("plancheck-no-such-user");
}
