package plancheck.model;

/**
 * Keeps what a message quotes from user input short: a value is shown by a prefix of at most
 * {@link #MAX} characters, with its full length when cut, so that a huge value cannot make a huge
 * message.
 */
public final class Bounded {
    private Bounded() {}

    /** The most characters of a value a message shows. */
    public static final int MAX = 60;

    /**
     * @param value text taken from the input (null allowed)
     * @return the text in quotes, cut to {@link #MAX} characters with "…(N chars)" when longer
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + cut(value) + "\"";
    }

    /**
     * @param value text taken from the input (null allowed)
     * @return the text cut to {@link #MAX} characters (code points) with "…(N chars)" when longer
     */
    public static String cut(String value) {
        return cut(value, MAX);
    }

    /**
     * @param value text taken from the input or produced from it (null allowed)
     * @param max   the most characters (code points) to keep
     * @return the text cut to {@code max} characters with "…(N chars)" when longer
     */
    public static String cut(String value, int max) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= max) {
            return value;
        }
        int n = value.codePointCount(0, value.length());
        if (n <= max) {
            return value;
        }
        int end = value.offsetByCodePoints(0, max);
        return value.substring(0, end) + "…(" + n + " chars)";
    }

    /**
     * The end of a text that fits in a number of bytes of UTF-8, in whole characters: a file name kept
     * within what a file system takes (255 bytes, whatever the characters).
     *
     * @param value    the text
     * @param maxBytes the most bytes of UTF-8
     * @return its longest end of at most {@code maxBytes} bytes
     */
    public static String tailBytes(String value, int maxBytes) {
        int bytes = 0;
        int i = value.length();
        while (i > 0) {
            int cp = value.codePointBefore(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            i -= Character.charCount(cp);
        }
        return value.substring(i);
    }
}
