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
            return visible(value);
        }
        int n = value.codePointCount(0, value.length());
        if (n <= max) {
            return visible(value);
        }
        int end = value.offsetByCodePoints(0, max);
        return visible(value.substring(0, end)) + "…(" + n + " chars)";
    }

    /**
     * @param value text taken from the input
     * @return the text with every control character (C0, DEL, C1: a line break, a tab, an escape sequence,
     *         a bell) and every bidirectional override written as {@code \\uXXXX}: quoted input cannot break a
     *         message's line, drive the terminal or turn the text around
     */
    public static String visible(String value) {
        int i = 0;
        while (i < value.length() && !hidden(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length() + 16).append(value, 0, i);
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (hidden(c)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hidden(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
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
