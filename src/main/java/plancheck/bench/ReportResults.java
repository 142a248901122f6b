package plancheck.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import plancheck.model.Finding;

/**
 * The results of a report in the keys of {@link PlainComputation.Results}, and their comparison with
 * the plain computation's.
 */
public final class ReportResults {
    private ReportResults() {}

    /**
     * @param findings a report's findings
     * @param region   the region checked
     * @return the report's results: section classes, station ratios, accident verdicts and the region's
     *         derived values
     */
    public static PlainComputation.Results of(List<Finding> findings, String region) {
        PlainComputation.Results r = new PlainComputation.Results(region);
        for (Finding f : findings) {
            boolean own = f.subject().equals(region);
            boolean record = !own && !f.subject().contains("·");
            switch (f.indicator()) {
                case "surface_water_class3_share" -> {
                    if (record && f.details().get("waterClass") != null) {
                        r.put("W", f.year(), f.subject(), f.details().get("waterClass"));
                    } else if (own && f.actual() != null) {
                        r.put("WS", f.year(), region, f.actual());
                    }
                }
                case "air_good_days_ratio" -> {
                    if (f.actual() != null) {
                        r.put(own ? "AR" : record ? "A" : "-", f.year(), f.subject(), f.actual());
                    }
                }
                case "pm25_concentration" -> {
                    if (own && f.actual() != null) {
                        r.put("PM", f.year(), region, f.actual());
                    }
                }
                case "major_accidents" -> {
                    if (record) {
                        r.put("X", f.year(), f.subject(), f.status().name());
                    } else if (own && f.actual() != null) {
                        r.put("XM", f.year(), region, f.actual());
                    }
                }
                case "safety_death_rate" -> {
                    if (own && f.actual() != null) {
                        r.put("DR", f.year(), region, f.actual());
                    }
                }
                default -> { }
            }
        }
        r.values().keySet().removeIf(k -> k.startsWith("-|"));
        return r;
    }

    /**
     * @param plain  the plain computation's results
     * @param report the report's
     * @return the keys whose values differ or that only one side has, sorted, with both values
     */
    public static List<String> differences(PlainComputation.Results plain, PlainComputation.Results report) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(plain.values().keySet());
        keys.addAll(report.values().keySet());
        for (String k : keys) {
            String a = plain.values().get(k);
            String b = report.values().get(k);
            if (a == null || b == null || !same(a, b)) {
                out.add(k + ": plain " + a + ", plancheck " + b);
            }
        }
        return out;
    }

    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return how many results of each kind, e.g. {W=18000, WS=5} */
    public static Map<String, Integer> counts(PlainComputation.Results r) {
        Map<String, Integer> m = new java.util.TreeMap<>();
        r.values().keySet().forEach(k -> m.merge(k.substring(0, k.indexOf('|')), 1, Integer::sum));
        return m;
    }
}
