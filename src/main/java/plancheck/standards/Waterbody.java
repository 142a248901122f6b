package plancheck.standards;

import java.util.Locale;

/**
 * Kind of surface water a monitoring section lies on. GB 3838-2002 表1 gives different total
 * phosphorus limits for lakes and reservoirs (第8项) and total nitrogen limits for lakes and
 * reservoirs only (第9项).
 */
public enum Waterbody {
    /** A river (河流). Contract §2 value {@code "river"}. */
    RIVER("river", "河流"),
    /** A lake or reservoir (湖泊、水库). Contract §2 value {@code "lake"}. */
    LAKE("lake", "湖、库");

    private final String key;
    private final String zh;

    Waterbody(String key, String zh) {
        this.key = key;
        this.zh = zh;
    }

    /** @return the submission key: {@code "river"} or {@code "lake"} */
    public String key() {
        return key;
    }

    /** @return the Chinese name: 河流 or 湖、库 */
    public String zh() {
        return zh;
    }

    /**
     * Parses a submission value.
     *
     * @param s {@code "river"} or {@code "lake"} (case-insensitive, surrounding blanks ignored)
     * @return the waterbody
     * @throws IllegalArgumentException if {@code s} is null or neither value
     */
    public static Waterbody parse(String s) {
        if (s != null) {
            String k = s.trim().toLowerCase(Locale.ROOT);
            for (Waterbody w : values()) {
                if (w.key.equals(k)) {
                    return w;
                }
            }
        }
        throw new IllegalArgumentException("waterbody must be \"river\" or \"lake\", got " + (s == null ? "null" : "\"" + s + "\""));
    }
}
