package plancheck.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * How report.md and report.html show long lists of findings on records (a network of monitoring
 * sections, a year of accidents): per indicator the first {@link #SHOWN} in the order given (the most
 * serious first), then one line with how many more there are per status; every finding is in
 * report.json.
 */
public final class LongLists {
    private LongLists() {}

    /** Findings on records shown per indicator and year. */
    public static final int SHOWN = 20;

    /**
     * The findings left out for one indicator.
     *
     * @param indicator the indicator
     * @param total     its findings on records in the year
     * @param left      per status, how many are not shown
     */
    public record Omitted(String indicator, int total, Map<Status, Integer> left) {
        /** @return "另有980条未列出（达标950、违规30），全部见report.json" and its English form */
        public String text(String name, String lang) {
            boolean en = "en".equals(lang);
            int n = left.values().stream().mapToInt(Integer::intValue).sum();
            List<String> parts = new ArrayList<>();
            left.forEach((s, c) -> parts.add(en ? s.name() + " " + c : ExplainText.status(s.name(), "zh") + c));
            return en ? "… " + name + ": " + n + " more of " + total + " not listed here (" + String.join(", ", parts)
                    + "); every one is in report.json."
                    : "……" + name + "：共" + total + "条，另有" + n + "条未在此列出（" + String.join("、", parts)
                    + "），全部见report.json。";
        }
    }

    /**
     * The rows to show and what is left out.
     *
     * @param rows    the findings to show
     * @param omitted per indicator with findings left out, in the order first met
     */
    public record Shown(List<Finding> rows, List<Omitted> omitted) {}

    /**
     * @param ordered findings on records of one year, most serious first
     * @return at most {@link #SHOWN} per indicator, in the same order, and the rest counted
     */
    public static Shown shown(List<Finding> ordered) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, Map<Status, Integer>> left = new LinkedHashMap<>();
        List<Finding> rows = new ArrayList<>();
        for (Finding f : ordered) {
            int n = seen.merge(f.indicator(), 1, Integer::sum);
            if (n <= SHOWN) {
                rows.add(f);
            } else {
                left.computeIfAbsent(f.indicator(), k -> new EnumMap<>(Status.class)).merge(f.status(), 1, Integer::sum);
            }
        }
        List<Omitted> omitted = new ArrayList<>();
        left.forEach((k, m) -> omitted.add(new Omitted(k, seen.get(k), m)));
        return new Shown(rows, omitted);
    }
}
