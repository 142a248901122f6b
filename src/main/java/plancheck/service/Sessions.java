package plancheck.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions (in memory: a restart logs everyone out) and the login throttle. A session is a
 * random 256-bit token, sent as an HttpOnly, SameSite=Strict cookie (pages) or as a Bearer token (API),
 * with its own CSRF token for forms.
 */
final class Sessions {

    record Session(String token, long accountId, String csrf, Instant created, Instant lastSeen) {}

    static final Duration IDLE = Duration.ofHours(8);
    static final int MAX_SESSIONS = 10_000;
    /** Failed logins allowed per name and address within {@link #WINDOW}; then refused until the window passes. */
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Failed logins allowed per name from all addresses together within {@link #WINDOW}. */
    static final int MAX_FAILURES_PER_NAME = 20;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    Session create(long accountId) {
        if (sessions.size() >= MAX_SESSIONS) {
            expire();
        }
        Instant now = Instant.now();
        Session s = new Session(token(), accountId, token(), now, now);
        sessions.put(s.token(), s);
        return s;
    }

    Session get(String token) {
        if (token == null) {
            return null;
        }
        Session s = sessions.get(token);
        if (s == null) {
            return null;
        }
        Instant now = Instant.now();
        if (s.lastSeen().plus(IDLE).isBefore(now)) {
            sessions.remove(token);
            return null;
        }
        Session t = new Session(s.token(), s.accountId(), s.csrf(), s.created(), now);
        sessions.put(token, t);
        return t;
    }

    void remove(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Ends every session of an account (disabled, or its password changed). */
    void removeAccount(long accountId) {
        sessions.values().removeIf(s -> s.accountId() == accountId);
    }

    private void expire() {
        Instant limit = Instant.now().minus(IDLE);
        sessions.values().removeIf(s -> s.lastSeen().isBefore(limit));
    }

    /** @return seconds to wait before the next try, 0 when a login may be tried now */
    long retryAfter(String name, String address) {
        return Math.max(wait(key(name, address), MAX_FAILURES), wait(key(name, "*"), MAX_FAILURES_PER_NAME));
    }

    private long wait(String key, int max) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            Instant limit = Instant.now().minus(WINDOW);
            while (!d.isEmpty() && d.peekFirst().isBefore(limit)) {
                d.pollFirst();
            }
            if (d.size() < max) {
                return 0;
            }
            return Math.max(1, Duration.between(Instant.now(), d.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    void failed(String name, String address) {
        if (failures.size() > 100_000) {
            failures.clear();
        }
        record(key(name, address), MAX_FAILURES);
        record(key(name, "*"), MAX_FAILURES_PER_NAME);
    }

    private void record(String key, int max) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(Instant.now());
            while (d.size() > max) {
                d.pollFirst();
            }
        }
    }

    void succeeded(String name, String address) {
        failures.remove(key(name, address));
    }

    /** After a password is set by an administrator, the name may be tried again at once. */
    void clearName(String name) {
        failures.keySet().removeIf(k -> k.startsWith(name + "\0"));
    }

    private static String key(String name, String address) {
        return (name == null ? "" : name) + "\0" + address;
    }
}
