package plancheck.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The warm-up renders an empty report in every format without failing (a failure would be ignored at
 * run time, and the writers would then be loaded on the critical path after all).
 */
class WarmUpTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void anEmptyReportRendersInEveryFormat(String lang) {
        assertDoesNotThrow(() -> WarmUp.render(lang, true), "report.html and report.md");
        assertDoesNotThrow(() -> WarmUp.render(lang, false), "report.xlsx and findings.csv");
    }
}
