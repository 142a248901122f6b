package plancheck.app;

/**
 * A revision about to be stored (the store numbers it).
 *
 * @param region       the region
 * @param bureau       the bureau id
 * @param year         the year
 * @param kind         {@link Revision#FILED} or {@link Revision#WITHDRAWN}
 * @param stage        "final" or "preliminary", null for a withdrawal
 * @param fileName     the file's name
 * @param mediaType    its media type
 * @param content      its bytes (empty for a withdrawal)
 * @param sha256       SHA-256 of the bytes
 * @param filedBy      the account's username
 * @param address      from where
 * @param rulesVersion the active rules version
 */
public record NewRevision(String region, String bureau, int year, String kind, String stage, String fileName,
                          String mediaType, byte[] content, String sha256, String filedBy, String address,
                          long rulesVersion) {}
