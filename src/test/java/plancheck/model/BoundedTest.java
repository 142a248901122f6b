package plancheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import plancheck.app.Spreadsheets;

/** File names kept within the 255 bytes a file system takes: whole characters, the end kept. */
class BoundedTest {

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void theEndOfATextInWholeCharactersWithinItsBytes() {
        assertEquals("abc", Bounded.tailBytes("abc", 10));
        assertEquals("县.csv", Bounded.tailBytes("垫江县.csv", 7), "3 bytes a Chinese character, 4 the extension");
        assertEquals("县.csv", Bounded.tailBytes("垫江县.csv", 9));
        assertEquals(".csv", Bounded.tailBytes("垫江县.csv", 6), "never half a character");
        String emoji = "a😀b"; // a character outside the BMP: 4 bytes, two chars
        assertEquals("b", Bounded.tailBytes(emoji, 4));
        assertEquals("😀b", Bounded.tailBytes(emoji, 5));
        assertEquals("", Bounded.tailBytes("县", 2));
    }

    @Test
    void theAnnotatedCopyOfAWorkbookWithTheLongestNameAFileSystemTakesCanBeWritten() {
        String longest = "应急管理局".repeat(16) + "2026.xlsx"; // 80 characters, 249 bytes: a name the file system took
        assertTrue(bytes(longest) <= 255);
        String annotated = Spreadsheets.annotatedName("in/" + longest);
        assertTrue(bytes(annotated) <= 255, bytes(annotated) + " bytes: " + annotated);
        assertTrue(annotated.endsWith("应急管理局2026-核查结果.xlsx"), annotated);
        assertEquals("安全-核查结果.xlsx", Spreadsheets.annotatedName("facts/安全.xlsx"), "a short name is unchanged");
    }
    @Test
    void controlCharactersAndDirectionOverridesAreShownNotObeyed() {
        // an escape sequence, a bell, a line break, a tab, a right-to-left override, C1 and DEL
        String nasty = "ctl \u202e\u0007\u001b[31mred\u001b[0m\nnext\tcol\u0085\u007f";
        assertEquals("\"ctl \\u202E\\u0007\\u001B[31mred\\u001B[0m\\u000Anext\\u0009col\\u0085\\u007F\"", Bounded.quote(nasty));
        assertEquals("断面名称", Bounded.cut("断面名称"), "ordinary text unchanged");
        String cutLong = Bounded.cut("\u001b".repeat(100), 3);
        assertEquals("\\u001B\\u001B\\u001B…(100 chars)", cutLong, "cut first, then shown");
        for (char c : Bounded.visible(nasty).toCharArray()) {
            assertTrue(c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && c != 0x202E, "no hidden character left: " + (int) c);
        }
    }
}
