package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rules} naming a file says that it is not a folder; naming nothing says that the folder is
 * missing, the same for every analysts' command (golden said to run it from the repository root).
 */
class RulesFolderArgumentTest {

    @TempDir
    Path tmp;

    private static final String NOT_A_FOLDER_ZH = "这是一个文件，不是文件夹（规则文件夹应为含 .drl 文件、standards/ 与 units.yaml 的文件夹；用 --rules DIR 指定）";
    private static final String NOT_A_FOLDER_EN = "this is a file, not a folder (the rules folder holds the .drl files, standards/ and units.yaml; "
            + "give it with --rules DIR)";
    private static final String MISSING_ZH = "规则文件夹不存在（应为含 .drl 文件、standards/ 与 units.yaml 的文件夹；用 --rules DIR 指定）";
    private static final String MISSING_EN = "rules folder not found (expected a folder holding the .drl files, standards/ and units.yaml; "
            + "give it with --rules DIR)";

    @Test
    void aFileIsNotAFolder() {
        for (String cmd : new String[] {"lint", "test", "golden"}) {
            Cli.Run zh = Cli.run("rules", cmd, "--rules", "README.md");
            assertEquals(2, zh.exit(), zh::toString);
            assertEquals("plancheck rules " + cmd + ": README.md: " + NOT_A_FOLDER_ZH, zh.err().strip());
            Cli.Run en = Cli.run("rules", cmd, "--rules", "README.md", "--lang", "en");
            assertEquals(2, en.exit(), en::toString);
            assertEquals("plancheck rules " + cmd + ": README.md: " + NOT_A_FOLDER_EN, en.err().strip());
        }
        Cli.Run check = Cli.run("check", "--rules", "README.md", "facts");
        assertEquals(2, check.exit(), check::toString);
        assertEquals("plancheck: 发现1个问题；未进行核查，未写出报告：\n  README.md: " + NOT_A_FOLDER_ZH, check.err().strip());
    }

    @Test
    void aMissingFolderIsMissingForGoldenToo() {
        String none = tmp.resolve("nonexist").toString();
        for (String cmd : new String[] {"lint", "golden"}) {
            Cli.Run zh = Cli.run("rules", cmd, "--rules", none);
            assertEquals(2, zh.exit(), zh::toString);
            assertEquals("plancheck rules " + cmd + ": " + none + ": " + MISSING_ZH, zh.err().strip());
            Cli.Run en = Cli.run("rules", cmd, "--rules", none, "--lang", "en");
            assertEquals(2, en.exit(), en::toString);
            assertEquals("plancheck rules " + cmd + ": " + none + ": " + MISSING_EN, en.err().strip());
        }
    }
}
