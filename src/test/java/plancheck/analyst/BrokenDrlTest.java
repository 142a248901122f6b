package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.load.Paths2;

/**
 * A DRL file an analyst adds that does not parse, or is not UTF-8: {@code rules lint} (exit 1) and
 * {@code check} (exit 2) name it with its line, in Chinese and English, in a few lines, and nothing
 * else reaches the terminal (no log lines of the compiler, no internal error).
 */
class BrokenDrlTest {

    @TempDir
    Path tmp;
    Path rules;
    Path plan;

    @BeforeEach
    void copyRules() {
        rules = Cli.copyShipped(tmp, "scenarios");
        plan = tmp.resolve("plans/dianjiang-15th");
    }

    private static String[] lines(String s) {
        return s.strip().split("\n");
    }

    @Test
    void oneSyntaxErrorIsNamedFirstAndTheRestCounted() {
        Path zz = Cli.write(rules.resolve("judging/zz.drl"), "package x;\nrule \"unterminated");
        String f = Paths2.display(zz);
        String dir = Paths2.display(rules);

        Cli.Run zh = Cli.run("rules", "lint", "--rules", rules.toString());
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals("", zh.err(), "nothing but plancheck's own lines: " + zh);
        String[] out = lines(zh.out());
        assertEquals(5, out.length, zh::toString);
        assertEquals(f + ":2: DRL 编译失败：[ERR 102] Line 2:18 mismatched input ''", out[0]);
        assertEquals(f + ":2: DRL 编译失败：[ERR 102] Line 2:18 mismatched input '<eof>' in rule", out[1]);
        assertTrue(out[2].matches(java.util.regex.Pattern.quote(dir)
                + ": 另有\\d+条编译错误是上述语法错误的后果（同一规则包的函数和类型因此缺失），修正语法错误后再运行"), zh::toString);
        assertEquals(f + ":1: 声明的规则包 x 与规则文件夹中其他DRL文件的 plancheck.rules 不同：不同包的规则看不到彼此的函数、类型和导入；"
                + "应为 package plancheck.rules;", out[3]);
        assertEquals("rules lint：" + rules + " 中发现4个问题", out[4]);

        Cli.Run en = Cli.run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, en.exit(), en::toString);
        assertEquals("", en.err(), en::toString);
        String[] outEn = lines(en.out());
        assertEquals(f + ":2: DRL does not compile: [ERR 102] Line 2:18 mismatched input '<eof>' in rule", outEn[1]);
        assertTrue(outEn[2].matches(java.util.regex.Pattern.quote(dir) + ": \\d+ more compilation errors follow from the syntax "
                + "errors above \\(the package's functions and types are missing because of them\\); run again once they are fixed"), en::toString);
        assertEquals(f + ":1: declares package x, unlike the other DRL files of the rules folder (plancheck.rules): rules of another "
                + "package do not see their functions, types and imports; expected package plancheck.rules;", outEn[3]);

        Cli.Run check = Cli.run("check", "--rules", rules.toString(), "--plan", plan.toString(), "facts");
        assertEquals(2, check.exit(), check::toString);
        String[] err = lines(check.err());
        assertEquals(4, err.length, check::toString);
        assertEquals("plancheck: 发现3个问题；未进行核查，未写出报告：", err[0]);
        assertEquals("  " + f + ":2: DRL 编译失败：[ERR 102] Line 2:18 mismatched input ''", err[1]);
        assertTrue(err[3].startsWith("  " + dir + ": 另有"), check::toString);
    }

    @Test
    void manyCompilationErrorsAreCut() {
        StringBuilder b = new StringBuilder("package plancheck.rules;\n");
        for (int i = 0; i < 45; i++) {
            b.append("rule \"r").append(i).append("\" @kind(test) @source(\"none\")\nwhen\n    NoSuchType()\nthen\nend\n");
        }
        Path zz = Cli.write(rules.resolve("judging/zz.drl"), b.toString());
        Cli.Run zh = Cli.run("rules", "lint", "--rules", rules.toString());
        assertEquals(1, zh.exit(), zh::toString);
        String[] out = lines(zh.out());
        assertEquals(42, out.length, zh::toString);
        assertEquals(Paths2.display(zz) + ":4: DRL 编译失败：Unable to resolve ObjectType 'NoSuchType'", out[0]);
        assertEquals(Paths2.display(rules) + ": …另有5条编译错误", out[40]);
        Cli.Run en = Cli.run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertEquals(Paths2.display(rules) + ": … 5 more compilation errors", lines(en.out())[40]);
    }

    @Test
    void aDrlFileThatIsNotUtf8IsNamedWithItsByte() throws IOException {
        // "中文" saved from Chinese Windows (GBK) in a comment on line 3
        byte[] head = "package plancheck.rules;\n\n// ".getBytes(StandardCharsets.US_ASCII);
        byte[] gbk = "中文说明".getBytes("GB18030");
        Path zz = rules.resolve("judging/zz.drl");
        Files.write(zz, concat(head, gbk, "\n".getBytes(StandardCharsets.US_ASCII)));
        String f = Paths2.display(zz);
        String at = f + ":3:4: ";
        String hex = String.format("0x%02X", gbk[0] & 0xFF);

        Cli.Run zh = Cli.run("rules", "lint", "--rules", rules.toString());
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals(at + "不是UTF-8编码的文本：第" + (head.length + 1) + "字节的" + hex
                + "不是UTF-8，文件像是GBK/GB18030编码（中文Windows的默认编码）；请将文件另存为UTF-8", lines(zh.out())[0]);
        Cli.Run en = Cli.run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, en.exit(), en::toString);
        assertEquals(at + "not UTF-8 encoded text: " + hex + " at byte " + (head.length + 1)
                + " is not UTF-8, and the file looks GBK/GB18030-encoded (the default of Chinese Windows); save the file as UTF-8",
                lines(en.out())[0]);
        Cli.Run check = Cli.run("check", "--rules", rules.toString(), "--plan", plan.toString(), "facts");
        assertEquals(2, check.exit(), check::toString);
        assertTrue(check.err().contains("  " + at + "不是UTF-8编码的文本：第" + (head.length + 1) + "字节"), check::toString);
    }

    @Test
    void randomBytesAsDrlAndAsACatalogue() throws IOException {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        noise[0] = (byte) 0xFF; // not UTF-8 from the first byte
        Files.write(rules.resolve("judging/zz.drl"), noise);
        Files.write(plan.resolve("catalogue/zz.yaml"), noise);
        Cli.Run zh = Cli.run("rules", "lint", "--rules", rules.toString());
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals("", zh.err(), zh::toString);
        String[] out = lines(zh.out());
        assertEquals(3, out.length, zh::toString);
        assertEquals(Paths2.display(plan.resolve("catalogue/zz.yaml")) + ":1:1: 不是UTF-8编码的文本：第1字节的0xFF不是UTF-8；请将文件另存为UTF-8", out[0]);
        assertEquals(Paths2.display(rules.resolve("judging/zz.drl")) + ":1:1: 不是UTF-8编码的文本：第1字节的0xFF不是UTF-8；请将文件另存为UTF-8", out[1]);
        Cli.Run test = Cli.run("rules", "test", "--rules", rules.toString());
        assertEquals(2, test.exit(), test::toString);
        Cli.Run check = Cli.run("check", "--rules", rules.toString(), "--plan", plan.toString(), "facts");
        assertEquals(2, check.exit(), check::toString);
        assertTrue(check.err().startsWith("plancheck: 发现2个问题"), check::toString);
    }

    @Test
    void aStandardsTableThatIsNotUtf8IsNamedOnce() throws IOException {
        Path t = rules.resolve("standards/zz.yaml");
        Files.write(t, concat("a: \"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"\n".getBytes(StandardCharsets.US_ASCII)));
        Cli.Run zh = Cli.run("rules", "lint", "--rules", rules.toString());
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals(List.of(Paths2.display(t) + ":1:5: 不是UTF-8编码的文本：第5字节的0xFF不是UTF-8，文件像是Latin-1（ISO-8859-1）编码；请将文件另存为UTF-8",
                "rules lint：" + rules + " 中发现1个问题"), List.of(lines(zh.out())));
        Cli.Run en = Cli.run("check", "--rules", rules.toString(), "--plan", plan.toString(), "--lang", "en", "facts");
        assertEquals(2, en.exit(), en::toString);
        assertTrue(en.err().contains("  " + Paths2.display(t) + ":1:5: not UTF-8 encoded text: 0xFF at byte 5 is not UTF-8, and the file "
                + "looks Latin-1 (ISO-8859-1) encoded; save the file as UTF-8"), en::toString);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
