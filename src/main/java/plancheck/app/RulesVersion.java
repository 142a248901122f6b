package plancheck.app;

import java.time.Instant;

/**
 * One version of the rules and plan folders, kept whole (a zip of both): the server's folders as
 * deployed, or an analyst's candidate change on top of another version.
 *
 * @param id          its number
 * @param parent      the version the change was made on (0: none, a deployed folder)
 * @param sha256      SHA-256 over every file (the report's {@code rules.sha256} is computed the same way
 *                    over the same files)
 * @param origin      {@code deployed} or {@code candidate}
 * @param changedPath for a candidate, the file it adds or replaces (e.g. {@code rules/parameters.yaml})
 * @param submittedBy the account's username
 * @param submittedAt when
 * @param passed      true when lint and the scenarios passed
 * @param results     what lint and the scenarios said (bounded)
 */
public record RulesVersion(long id, long parent, String sha256, String origin, String changedPath,
                           String submittedBy, Instant submittedAt, boolean passed, String results) {
    /** A version from the server's rules and plans folders. */
    public static final String DEPLOYED = "deployed";
    /** An analyst's change. */
    public static final String CANDIDATE = "candidate";

    /** @return "v3" */
    public String label() {
        return "v" + id;
    }
}
