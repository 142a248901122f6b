package plancheck.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import plancheck.model.Evidence;
import plancheck.model.Observation;
import plancheck.model.PlanTarget;
import plancheck.model.Text;
import plancheck.model.UnitTable;

/**
 * Merges the indicator values of all submissions into one {@link Observation} per indicator and year
 * (contract §2: several submissions for one year merge).
 *
 * <ul>
 *   <li>Units: each value is converted to the catalogue's unit (吨↔万吨, 元↔万元↔亿元, %↔‰ … as
 *       rules/units.yaml defines). An unknown or unconvertible unit makes the value unusable: the
 *       observation carries problem {@code "unit"} and the rules report a WARNING, never a PASS.</li>
 *   <li>Stages: when a final value exists, preliminary values for the same indicator and year are
 *       superseded (and said so in the detail).</li>
 *   <li>Conflicts: two different values (after conversion) at the same stage give problem
 *       {@code "conflict"}, whose detail names every file, pointer and value.</li>
 * </ul>
 */
public final class Merger {
    private Merger() {}

    /**
     * One submitted value: converted, or with a problem (code "none", "unit" or "range" and its text);
     * {@code assumed} says which caliber a value without one was taken in, or is null.
     */
    private record Entry(Submission s, Submission.IndicatorValue v, BigDecimal converted, String code, Text unitProblem,
                         Text assumed) {}

    /**
     * @param subs  the submissions (all one region)
     * @param rules the rule set (catalogue units, unit table)
     * @return one observation per indicator and year present, sorted by year then indicator
     */
    public static List<Observation> merge(List<Submission> subs, RuleSet rules) {
        UnitTable units = rules.units();
        Map<String, List<Entry>> byKey = new TreeMap<>();
        for (Submission s : subs) {
            for (Submission.IndicatorValue v : s.indicators()) {
                PlanTarget t = rules.target(v.id());
                String want = t == null ? v.unit() : t.unit();
                Text problem = null;
                String code = null;
                BigDecimal conv = null;
                String written = v.unit().strip();
                if (!units.knows(written) && (t == null || !t.unitAliases().containsKey(written))) {
                    // ％, ｍ² … typed in full width: the unit they stand for
                    written = java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFKC).strip();
                }
                String read = t == null ? written : t.unitAliases().getOrDefault(written, written);
                Text assumed = null;
                String caliber = v.caliber();
                if (t != null && t.caliber() != null && caliber == null) {
                    // no caliber given: a plan year is read in the target's caliber, the base year in the baseline's
                    caliber = s.year() <= rules.baseYear() && t.baselineCaliber() != null ? t.baselineCaliber() : t.caliber();
                    Text name = t.caliberName(caliber);
                    assumed = new Text("口径未注明，按" + (caliber.equals(t.caliber()) ? "2030年目标" : "规划基期值") + "的"
                            + name.zh() + "计", "no caliber given: read in the " + (caliber.equals(t.caliber())
                            ? "2030 target's " : "plan baseline's ") + name.en());
                } else if (t != null && t.caliber() != null && !caliber.equals(t.caliber())) {
                    Text name = t.caliberName(caliber);
                    assumed = new Text("按" + name.zh() + "报送", "submitted in the " + name.en());
                }
                if (!read.equals(v.unit()) || !java.util.Objects.equals(caliber, v.caliber())) {
                    v = new Submission.IndicatorValue(v.id(), v.value(), read, caliber, v.pointer(), v.note());
                }
                if (v.value() == null) {
                    String why = v.note() == null ? "" : v.note();
                    code = "none";
                    problem = new Text("报送单位说明无此数值" + (why.isEmpty() ? "" : "：" + why),
                            "the submitter states there is no value" + (why.isEmpty() ? "" : ": " + why));
                } else if (!units.knows(v.unit())) {
                    code = "unit";
                    String unit = plancheck.model.Bounded.cut(v.unit()); // a unit typed as 6,000 brackets is quoted in part
                    problem = new Text("单位“" + unit + "”未知（应为" + want + "），数值未评判",
                            "unknown unit \"" + unit + "\" (expected " + want + "); the value is not judged");
                } else {
                    Optional<BigDecimal> c = units.convert(v.value(), v.unit(), want);
                    if (c.isEmpty()) {
                        code = "unit";
                        String unit = plancheck.model.Bounded.cut(v.unit());
                        problem = new Text("单位“" + unit + "”无法换算为" + want + "，数值未评判",
                                "unit \"" + unit + "\" cannot be converted to " + want + "; the value is not judged");
                    } else if (t != null && (t.min() != null && c.get().compareTo(t.min()) < 0
                            || t.max() != null && c.get().compareTo(t.max()) > 0)) {
                        code = "range";
                        String r = "[" + plain(t.min()) + ", " + (t.max() == null ? "∞" : plain(t.max())) + "]";
                        boolean slip = inRange(c.get().movePointLeft(4), t) || inRange(c.get().movePointRight(4), t);
                        problem = new Text("数值" + plain(c.get()) + want + "超出合理范围" + r
                                + (slip ? "（是否单位填错？与合理范围相差1万倍，如元与万元、吨与万吨）" : "") + "，数值未评判",
                                "the value " + plain(c.get()) + " " + want + " is outside the plausible range " + r
                                        + (slip ? " (a unit slip? 10,000 times off the range, as 元 and 万元, 吨 and 万吨)" : "")
                                        + "; the value is not judged");
                    } else {
                        conv = c.get();
                    }
                }
                byKey.computeIfAbsent(String.format("%04d|%s", s.year(), v.id()), k -> new ArrayList<>())
                        .add(new Entry(s, v, conv, code, problem, assumed));
            }
        }
        List<Observation> out = new ArrayList<>();
        for (List<Entry> entries : byKey.values()) {
            out.add(mergeOne(entries, rules));
        }
        return Plausibility.magnitudes(out, rules);
    }

    private static Observation mergeOne(List<Entry> entries, RuleSet rules) {
        Entry first = entries.get(0);
        String id = first.v().id();
        int year = first.s().year();
        PlanTarget t = rules.target(id);
        String unit = t == null ? first.v().unit() : t.unit();
        boolean anyFinal = entries.stream().anyMatch(e -> e.s().stage().equals("final"));
        String stage = anyFinal ? "final" : "preliminary";
        List<Entry> used = entries.stream().filter(e -> e.s().stage().equals(stage)).toList();
        List<Entry> superseded = entries.stream().filter(e -> !e.s().stage().equals(stage)).toList();
        List<Evidence> ev = used.stream().map(e -> new Evidence(e.s().file(), e.v().pointer())).sorted().toList();

        List<Entry> good = used.stream().filter(e -> e.converted() != null).toList();
        List<Entry> bad = used.stream().filter(e -> e.converted() == null).toList();
        if (good.isEmpty()) {
            Entry b = bad.stream().filter(e -> e.v().value() != null).findFirst().orElse(bad.get(0));
            String code = b.code();
            return new Observation(id, year, null, unit, b.v().caliber(), stage, "submitted", ev, code,
                    new Text(where(b) + "：" + b.unitProblem().zh(), where(b) + ": " + b.unitProblem().en()));
        }
        BigDecimal v0 = good.get(0).converted();
        boolean conflict = good.stream().anyMatch(e -> e.converted().compareTo(v0) != 0);
        if (conflict) {
            StringBuilder zh = new StringBuilder("同一年份同一指标的数值不一致：");
            StringBuilder en = new StringBuilder("submissions disagree on this indicator and year: ");
            for (int i = 0; i < good.size(); i++) {
                Entry e = good.get(i);
                String part = where(e) + " = " + plain(e.v().value()) + " " + e.v().unit();
                zh.append(i == 0 ? "" : "；").append(part);
                en.append(i == 0 ? "" : "; ").append(part);
            }
            zh.append("，数值未评判");
            en.append("; the value is not judged");
            return new Observation(id, year, null, unit, good.get(0).v().caliber(), stage, "submitted", ev,
                    "conflict", new Text(zh.toString(), en.toString()));
        }
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        Entry g = good.get(0);
        if (g.assumed() != null) {
            zh.add(g.assumed().zh());
            en.add(g.assumed().en());
        }
        if (!rules.units().find(g.v().unit()).map(u -> u.unit()).equals(rules.units().find(unit).map(u -> u.unit()))) {
            zh.add("报送" + plain(g.v().value()) + g.v().unit() + "，换算为" + plain(g.converted()) + unit);
            en.add("submitted " + plain(g.v().value()) + " " + g.v().unit() + ", converted to "
                    + plain(g.converted()) + " " + unit);
        }
        for (Entry b : bad) {
            zh.add(where(b) + "：" + b.unitProblem().zh());
            en.add(where(b) + ": " + b.unitProblem().en());
        }
        for (Entry s : superseded) {
            zh.add(where(s) + "的初步数据（" + plain(s.v().value()) + s.v().unit() + "）已由正式数据取代");
            en.add("preliminary value " + plain(s.v().value()) + " " + s.v().unit() + " in " + where(s)
                    + " superseded by the final value");
        }
        Text detail = zh.isEmpty() ? null : new Text(String.join("；", zh), String.join("; ", en));
        return new Observation(id, year, v0, unit, g.v().caliber(), stage, "submitted", ev, null, detail);
    }

    private static boolean inRange(BigDecimal v, PlanTarget t) {
        return (t.min() == null || v.compareTo(t.min()) >= 0) && (t.max() == null || v.compareTo(t.max()) <= 0)
                && v.signum() != 0;
    }

    /** file#/json/pointer, or "file sheet!cell" for a workbook or CSV file. */
    private static String where(Entry e) {
        String p = e.v().pointer();
        return e.s().file() + (p.startsWith("/") ? "#" : " ") + p;
    }

    /** @return the number in plain notation; see {@link plancheck.model.Numbers#plain}. */
    public static String plain(BigDecimal d) {
        return plancheck.model.Numbers.plain(d);
    }
}
