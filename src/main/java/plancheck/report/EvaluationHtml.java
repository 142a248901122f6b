package plancheck.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes an {@link Evaluation} as one self-contained HTML page through the shared template engine
 * ({@link Templates}, template {@code report/evaluation}): no scripts, no network, styles inline; the same
 * evaluation gives the same bytes.
 */
public final class EvaluationHtml {
    private EvaluationHtml() {}

    /**
     * @param e the evaluation
     * @return the page as UTF-8 bytes
     */
    public static byte[] render(Evaluation e) {
        return Templates.render("report/evaluation", e.lang(), Map.of("e", e, "t", e.labels()))
                .getBytes(StandardCharsets.UTF_8);
    }
}
