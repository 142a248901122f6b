package plancheck.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import plancheck.i18n.Msg;
import plancheck.model.Text;

/**
 * Decodes a submission's bytes as UTF-8 (contract §2; a byte-order mark of UTF-8 or UTF-16 is honoured)
 * and, when they are not, says where and what they look like instead: the first byte that is not UTF-8
 * with its line and column (counted in characters, as every other location), and a guess at the
 * encoding it was saved in — GBK (Chinese Windows), UTF-16 without a byte-order mark, or Latin-1 — so
 * that a bureau knows to save the file as UTF-8.
 */
public final class TextDecoding {
    private TextDecoding() {}

    /** Bytes that are not UTF-8 text: where the first bad byte is, and what to do. */
    public static final class BadEncoding extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;
        private final transient Text text;

        private final int offset;
        private final String bytes;
        private final transient Text guess;

        BadEncoding(int line, int column, Text text) {
            this(line, column, text, -1, "", new Text("", ""));
        }

        BadEncoding(int line, int column, Text text, int offset, String bytes, Text guess) {
            this.line = line;
            this.column = column;
            this.text = text;
            this.offset = offset;
            this.bytes = bytes;
            this.guess = guess;
        }

        /** @return the 1-based byte offset of the first bad byte, or 0 when the whole file is in another encoding (UTF-16) */
        public int byteOffset() { return offset + 1; }

        /** @return the bad bytes in hexadecimal ("0xB2 0xBB"), or "" for a file in UTF-16 */
        public String bytes() { return bytes; }

        /** @return what the file looks like instead (", and the file looks GBK …"), or empty */
        public Text guess() { return guess; }

        /** @return the 1-based line of the first bad byte */
        public int line() { return line; }

        /** @return the 1-based column (characters) of the first bad byte */
        public int column() { return column; }

        /** @return what is wrong, in Chinese and English */
        public Text text() { return text; }

        @Override
        public String getMessage() {
            return line + ":" + column + ": " + text.en();
        }
    }

    /**
     * @param b the file's bytes
     * @return the text (a leading byte-order mark dropped)
     * @throws BadEncoding when the bytes are not UTF-8 (nor UTF-16 with its byte-order mark)
     */
    public static String decode(byte[] b) throws BadEncoding {
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
            try {
                return strict(StandardCharsets.UTF_16).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw new BadEncoding(1, 1, Msg.text("encoding.bad-utf16"));
            }
        }
        int skip = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        refuseUtf16WithoutBom(b);
        CharsetDecoder d = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            out.flip();
            int line = 1;
            int col = 1;
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            StringBuilder hex = new StringBuilder();
            for (int i = at; i < Math.min(b.length, at + Math.max(1, r.length())); i++) {
                hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", b[i] & 0xFF));
            }
            Text g = guess(b, skip);
            throw new BadEncoding(line, col, Msg.text("encoding.bad-byte", "bytes", hex, "offset", at + 1, "guess", g), at, hex.toString(), g);
        }
        d.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** How many bytes at the start of a file tell UTF-16 without a byte-order mark. */
    public static final int HEAD = 400;

    /**
     * @param b the first bytes of a file (at least {@link #HEAD} when it has them)
     * @throws BadEncoding when they look like UTF-16 without a byte-order mark
     */
    public static void refuseUtf16WithoutBom(byte[] b) throws BadEncoding {
        int nul = utf16WithoutBom(b);
        if (nul >= 0) {
            throw new BadEncoding(1, 1, Msg.text("encoding.utf16-without-bom", "order",
                    new Text(nul % 2 == 1 ? "小端序" : "大端序", nul % 2 == 1 ? "little-endian" : "big-endian")));
        }
    }

    /** Opens a file's bytes again. */
    public interface Reopen {
        java.io.InputStream open() throws java.io.IOException;
    }

    /** The most bytes read again to find the first bad byte of a file a streaming decoder refused. */
    public static final int LOCATE_MAX = 16 << 20;

    /**
     * Finds the first byte that is not UTF-8 in a file a streaming decoder refused, reading at most
     * {@link #LOCATE_MAX} bytes again.
     *
     * @param file opens the file
     * @return where and what, or null when it is not found in those bytes (or the file cannot be read again)
     */
    public static BadEncoding locate(Reopen file) {
        byte[] b;
        boolean whole;
        try (java.io.InputStream in = file.open()) {
            b = in.readNBytes(LOCATE_MAX);
            whole = in.read() < 0;
        } catch (java.io.IOException e) {
            return null;
        }
        try {
            decode(b);
            return null;
        } catch (BadEncoding e) {
            // a character cut at the end of what was read again is not the file's fault
            return whole || e.offset < b.length - 3 ? e : null;
        }
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * @return the index of the first zero byte when the start of the file looks like UTF-16 without a
     *         byte-order mark (ASCII characters with a zero byte beside each), else -1
     */
    private static int utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 400);
        int even = 0;
        int odd = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if (first < 0) {
                    first = i;
                }
                if (i % 2 == 0) even++; else odd++;
            }
        }
        return n >= 4 && Math.max(even, odd) * 4 >= n ? first : -1;
    }

    /** @return what the bytes look like instead: GBK, Latin-1, or nothing known */
    private static Text guess(byte[] b, int skip) {
        // GBK writes a Chinese character as two bytes of 0x80 and above; Latin-1 a letter as one among ASCII
        int isolated = 0;
        int paired = 0;
        for (int i = skip; i < b.length; i++) {
            if ((b[i] & 0x80) != 0) {
                if (i + 1 < b.length && (b[i + 1] & 0x80) != 0) {
                    paired++;
                    i++;
                } else {
                    isolated++;
                }
            }
        }
        if (isolated > paired) {
            return latin1(b, skip) ? Msg.text("encoding.looks-latin1") : new Text("", "");
        }
        try {
            String g = strict(Charset.forName("GB18030")).decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
            if (g.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return Msg.text("encoding.looks-gbk");
            }
        } catch (CharacterCodingException | IllegalArgumentException e) {
            // not GBK either
        }
        return latin1(b, skip) ? Msg.text("encoding.looks-latin1") : new Text("", "");
    }

    /** @return true when no byte falls in Latin-1's unused control range 0x80–0x9F */
    private static boolean latin1(byte[] b, int skip) {
        for (int i = skip; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x80 && c < 0xA0) {
                return false;
            }
        }
        return true;
    }
}
