package plancheck.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions of plancheck and Drools this build carries (from {@code plancheck/version.properties}). */
public final class Versions {
    private static final Properties P = new Properties();

    static {
        try (InputStream in = Versions.class.getResourceAsStream("/plancheck/version.properties")) {
            if (in != null) {
                P.load(in);
            }
        } catch (IOException e) {
            // versions stay "unknown"
        }
    }

    private Versions() {}

    /** @return plancheck's version, e.g. 0.1.0 */
    public static String plancheck() { return P.getProperty("plancheck", "unknown"); }

    /**
     * @return an identifier of this build (version and build time): compiled rules cached by one build
     *         are not reused by another, whose model classes may differ
     */
    public static String build() { return plancheck() + "@" + P.getProperty("built", "unknown"); }

    /** @return the Drools version, e.g. 10.2.0 */
    public static String drools() { return P.getProperty("drools", "unknown"); }
}
