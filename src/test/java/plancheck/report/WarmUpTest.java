package plancheck.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The warm-up renders an empty report in every format without failing (a failure would be ignored at
 * run time, and the writers would then be loaded on the critical path after all), and leaves nothing on
 * disk: the run may end, and the JVM with it, at any moment.
 */
class WarmUpTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void anEmptyReportRendersInEveryFormatWithoutATemporaryFile(String lang) {
        List<String> created = new ArrayList<>();
        TempFileCreationStrategy recording = new TempFileCreationStrategy() {
            private final DefaultTempFileCreationStrategy real = new DefaultTempFileCreationStrategy();

            @Override
            public File createTempFile(String prefix, String suffix) throws IOException {
                created.add(prefix + "…" + suffix);
                return real.createTempFile(prefix, suffix);
            }

            @Override
            public File createTempDirectory(String prefix) throws IOException {
                created.add(prefix + "/");
                return real.createTempDirectory(prefix);
            }
        };
        TempFile.setTempFileCreationStrategy(recording);
        try {
            assertDoesNotThrow(() -> WarmUp.render(lang, true), "report.html and report.md");
            assertDoesNotThrow(() -> WarmUp.render(lang, false), "report.xlsx and findings.csv");
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
        assertEquals(List.of(), created, "no temporary file of the workbook library");
    }
}
