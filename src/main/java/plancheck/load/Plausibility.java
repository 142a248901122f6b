package plancheck.load;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import plancheck.model.Observation;
import plancheck.model.PlanTarget;
import plancheck.model.Text;

/**
 * Data-entry slips in the merged values: a level (a target whose plausible range starts at 0: a count,
 * an amount, a share) about 10,000 or 100,000,000 times off the year before — 元 written for 万元, 吨
 * for 万吨, 万元 for 亿元. Such a value is not judged: the observation gets problem {@code magnitude},
 * which the rules report as a data problem naming the two values (rules/judging/fallback.drl).
 *
 * <p>The value compared with is the nearest earlier year's usable value, else the plan's 2025 value,
 * else its 2030 target. Growth and reduction rates (no range) are left alone: a rate may be near zero.
 */
public final class Plausibility {
    private Plausibility() {}

    /** A ratio this far from 1 (10^3.5, about 3,162) is a slip, not a change: the factors 万 and 亿 sit at 10^4 and 10^8. */
    static final BigDecimal SLIP = new BigDecimal("3162.3");

    /**
     * @param obs   the merged observations, sorted by year then indicator
     * @param rules the catalogue
     * @return the same list, with slips marked
     */
    public static List<Observation> magnitudes(List<Observation> obs, RuleSet rules) {
        Map<String, TreeMap<Integer, Integer>> byId = new TreeMap<>();
        for (int i = 0; i < obs.size(); i++) {
            byId.computeIfAbsent(obs.get(i).indicator(), k -> new TreeMap<>()).put(obs.get(i).year(), i);
        }
        List<Observation> out = new ArrayList<>(obs);
        for (Map.Entry<String, TreeMap<Integer, Integer>> e : byId.entrySet()) {
            PlanTarget t = rules.target(e.getKey());
            if (t == null || t.min() == null || t.min().signum() != 0) {
                continue;
            }
            BigDecimal ref = null;
            String refText = null;
            for (Map.Entry<Integer, Integer> y : e.getValue().entrySet()) {
                Observation o = out.get(y.getValue());
                if (!o.usable() || o.derived()) {
                    continue;
                }
                BigDecimal r = ref;
                Text rt = refText == null ? null : new Text(refText, refText);
                if (r == null) {
                    r = t.baselineValue() != null ? t.baselineValue() : t.targetValue();
                    rt = t.baselineValue() != null ? new Text("规划所列" + rules.baseYear() + "年值", "the plan's " + rules.baseYear() + " value")
                            : new Text("2030年目标", "the 2030 target");
                }
                Text slip = slip(o, r, rt, t);
                if (slip != null) {
                    out.set(y.getValue(), new Observation(o.indicator(), o.year(), null, o.unit(), o.caliber(), o.stage(),
                            o.origin(), o.evidence(), "magnitude", slip, o.steps()));
                    continue; // a slip is no reference for the next year
                }
                ref = o.value();
                refText = String.valueOf(o.year());
            }
        }
        return out;
    }

    private static Text slip(Observation o, BigDecimal ref, Text refName, PlanTarget t) {
        if (ref == null || ref.signum() == 0 || o.value().signum() == 0) {
            return null;
        }
        BigDecimal ratio = o.value().divide(ref, MathContext.DECIMAL64).abs();
        boolean big = ratio.compareTo(SLIP) >= 0;
        boolean small = ratio.compareTo(BigDecimal.ONE.divide(SLIP, MathContext.DECIMAL64)) <= 0;
        if (!big && !small) {
            return null;
        }
        double log = Math.log10(ratio.doubleValue());
        long power = Math.round(Math.abs(log));
        String zh = power == 4 ? "约1万倍" : power == 8 ? "约1亿倍" : "约10的" + power + "次方倍";
        String en = "about 10^" + power + " times";
        String v = Merger.plain(o.value()) + t.unit();
        String r = Merger.plain(ref) + t.unit();
        boolean year = refName.zh().matches("\\d{4}");
        return big
                ? new Text("数值" + v + "是" + (year ? refName.zh() + "年" : refName.zh()) + "（" + r + "）的" + zh
                        + "，疑为单位填错（如元与万元、吨与万吨），数值未评判",
                        "the value " + Merger.plain(o.value()) + " " + t.unit() + " is " + en + " " + (year ? refName.en() + "'s" : refName.en())
                                + " (" + Merger.plain(ref) + " " + t.unit() + "): a unit slip (元 for 万元, 吨 for 万吨 …)? The value is not judged")
                : new Text("数值" + v + "只有" + (year ? refName.zh() + "年" : refName.zh()) + "（" + r + "）的" + zh.replace("倍", "分之一")
                        + "，疑为单位填错（如万元与元、万吨与吨），数值未评判",
                        "the value " + Merger.plain(o.value()) + " " + t.unit() + " is " + en.replace("times", "smaller than") + " "
                                + (year ? refName.en() + "'s" : refName.en()) + " (" + Merger.plain(ref) + " " + t.unit()
                                + "): a unit slip (万元 for 元 …)? The value is not judged");
    }
}
