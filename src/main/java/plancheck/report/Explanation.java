package plancheck.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import plancheck.model.Comparator;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Numbers;
import plancheck.model.Status;

/**
 * The machine form of "why": for one finding, the chain of values that led to its verdict, written to
 * report.json as the finding's {@code explanation} object and printed for a person by
 * {@code plancheck explain} and in report.html.
 *
 * <p>Shape (every number exact, every list in a fixed order):
 * <pre>{@code
 * "explanation": {
 *   "verdict": {"status": "PASS", "binding": false, "test": {"actual": 54.6, "comparator": ">=",
 *               "expected": 54.4, "holds": true, "margin": 0.2}, "warnTest": {…}, "why": {"zh": …, "en": …}},
 *   "steps": [ {"name": "baseline", "value": 53, "unit": "%", "how": {"zh": …, "en": …},
 *               "from": [{"input": "plans/dianjiang-15th/catalogue/table1.yaml", "pointer": "urbanization_rate/baseline"}]},
 *              {"name": "target", …}, {"name": "expected", "formula": "…", …},
 *              {"name": "actual", …, "derivation": [ … ]} ],
 *   "parameters": [{"id": …, "value": …, "source": …, "input": …}]
 * }
 * }</pre>
 * Step names: {@code target}, {@code baseline}, {@code year value}, {@code previous}, {@code related},
 * {@code parameter}, {@code warnAt}, {@code expected}, {@code actual}, {@code growth}, {@code gap},
 * {@code problem}, {@code standard} (a standards table applied: period, clause, days judged, brackets
 * marked unconfirmed), {@code basis} (a change of basis, 口径变化, with the reference figure),
 * {@code inputs} (evidence no other step shows, e.g. the records a rule read). {@code from} lists input pointers (submission file + JSON pointer; or a rules file + the
 * entry's id). The formulas are those of contract §5 and docs/catalogue.md.
 */
public final class Explanation {
    private Explanation() {}

    private static final MathContext MC = MathContext.DECIMAL128;

    /**
     * @param f          the finding (details as built by {@link plancheck.engine.Emit})
     * @param baseYear   the plan's base year (2025)
     * @param targetYear the plan's target year (2030)
     * @return the explanation object, keys in a fixed order
     */
    public static Map<String, Object> of(Finding f, int baseYear, int targetYear) {
        Map<String, Object> d = f.details();
        String kind = f.kind() == null ? "" : f.kind();
        String unit = f.unit();
        List<Map<String, Object>> obs = observations(d);
        List<Map<String, Object>> steps = new ArrayList<>();
        int y = f.year();
        int span = targetYear - baseYear;

        // The 2030 target (or the city-assigned parameter that replaces it).
        Object paramValue = d.get("parameterValue");
        if (f.target() != null || d.get("targetText") != null) {
            Map<String, Object> t = step("target", f.target(), unit,
                    "2030年目标“" + str(d.get("targetText")) + "”" + (f.source() == null ? "" : "（" + f.source() + "）"),
                    "2030 target \"" + str(d.get("targetText")) + "\"" + (f.source() == null ? "" : " (" + f.source() + ")"));
            if (paramValue != null) {
                t.put("how", text("市级下达目标，取自参数" + d.get("parameter") + "：" + str(d.get("parameterSource")),
                        "assigned by the city: parameter " + d.get("parameter") + ": " + str(d.get("parameterSource"))));
            }
            t.put("from", catalogueFrom(d, "target"));
            steps.add(t);
        }

        Map<String, Object> actualObs = find(obs, f.indicator(), y);
        switch (kind) {
            case "path", "caliber" -> explainPath(f, d, obs, steps, baseYear, span);
            case "limit" -> limitSteps(f, d, steps);
            case "average_growth" -> actualObs = seriesSteps(f, obs, steps, baseYear, span, true);
            case "cumulative" -> actualObs = seriesSteps(f, obs, steps, baseYear, span, false);
            case "relational" -> relationalSteps(f, d, obs, steps);
            case "city_assigned" -> cityAssignedSteps(f, d, steps, paramValue);
            case "level_growth" -> levelGrowthSteps(f, d, obs, steps);
            case "baseline" -> baselineSteps(f, d, steps, actualObs);
            case "township" -> {
                townshipSteps(f, d, steps);
                actualObs = null;
            }
            default -> actualObs = otherSteps(f, obs, steps, actualObs);
        }

        // The standards tables the rule applied (each with its period, clause and the figures it marks
        // unconfirmed), and a change of basis with its reference figure (details.standardsApplied,
        // details.basisChange: rules/environment/air.drl).
        standardSteps(d, steps);

        actualSteps(f, d, obs, actualObs, steps);

        // The early warning (动态预警): the 2030 value at the pace so far, the pace needed, the warning level.
        if (d.get("projection") instanceof Map<?, ?> pj) {
            steps.add(projectionStep(pj, unit));
        }

        restStep(f, steps);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", verdict(f, d));
        out.put("steps", steps);
        if (d.get("parameter") != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", d.get("parameter"));
            p.put("value", paramValue == null ? null : norm(dec(paramValue)));
            p.put("source", d.get("parameterSource"));
            p.put("input", evidenceWithPointer(f, str(d.get("parameter"))).stream().findFirst()
                    .map(m -> ((Map<?, ?>) m).get("input")).orElse(null));
            out.put("parameters", List.of(p));
        } else {
            out.put("parameters", List.of());
        }
        return out;
    }

    /** The steps of a finding of kind limit. */
    private static void limitSteps(Finding f, Map<String, Object> d, List<Map<String, Object>> steps) {
        String unit = f.unit();
        if (f.expected() != null) {
            steps.add(step("expected", f.expected(), unit, "每年限值：即2030年目标本身（契约§5 每年限值）",
                    "every-year limit: the target itself (contract §5)"));
        }
        if (d.get("warnAt") != null) {
            Map<String, Object> w = step("warnAt", dec(d.get("warnAt")), unit,
                    "预警线（目录warnAt）：在限值内但越过此值为预警", "warning threshold (catalogue warnAt): within the limit but past it is WARNING");
            w.put("from", catalogueFrom(d, "warnAt"));
            steps.add(w);
        }
    }

    /**
     * The steps of a finding of kind average_growth (the mean of the years submitted) or cumulative (their
     * total against the path total); @return null: the years' values are the steps
     */
    private static Map<String, Object> seriesSteps(Finding f, List<Map<String, Object>> obs, List<Map<String, Object>> steps,
            int baseYear, int span, boolean average) {
        String unit = f.unit();
        int y = f.year();
        List<Map<String, Object>> years = seriesOf(obs, f.indicator(), y);
        for (Map<String, Object> o : years) {
            steps.add(obsStep("year value", o));
        }
        if (f.actual() != null) {
            Map<String, Object> a = average
                    ? step("actual", f.actual(), unit,
                            "已报送年份" + yearsText(years) + "的算术平均（契约§5 年均增长）",
                            "mean of the years submitted " + yearsText(years) + " (contract §5 average growth)")
                    : step("actual", f.actual(), unit,
                            "已报送年份" + yearsText(years) + "的累计（契约§5 累计数【】）",
                            "total over the years submitted " + yearsText(years) + " (contract §5 cumulative)");
            a.put("formula", average ? "(" + joinValues(years, " + ") + ") / " + years.size() : joinValues(years, " + "));
            steps.add(a);
        }
        if (f.expected() != null && average) {
            steps.add(step("expected", f.expected(), unit, "年均目标", "yearly-average target"));
        } else if (f.expected() != null) {
            Map<String, Object> e = step("expected", f.expected(), unit,
                    "路径累计值：2030年累计目标按年份均分", "path total: the 2030 total spread evenly over the years");
            e.put("formula", plain(f.target()) + " × (" + y + " − " + baseYear + ") / " + span);
            steps.add(e);
        }
        return null;
    }

    /** The steps of a finding of kind relational. */
    private static void relationalSteps(Finding f, Map<String, Object> d, List<Map<String, Object>> obs,
            List<Map<String, Object>> steps) {
        String unit = f.unit();
        int y = f.year();
        String rel = str(d.get("related"));
        Map<String, Object> r = find(obs, rel, y);
        if (r != null) {
            Map<String, Object> s = obsStep("related", r);
            s.put("how", text("同年" + rel + "（契约§5 关联指标）", "the same year's " + rel + " (contract §5 relational)"));
            steps.add(s);
        }
        if (f.expected() != null) {
            steps.add(step("expected", f.expected(), unit, "应不低于同年" + rel, "must keep pace with the same year's " + rel));
        }
    }

    /** The steps of a finding of kind city_assigned. */
    private static void cityAssignedSteps(Finding f, Map<String, Object> d, List<Map<String, Object>> steps,
            Object paramValue) {
        String unit = f.unit();
        if (d.get("parameter") != null) {
            Map<String, Object> p = step("parameter", dec(paramValue), unit,
                    paramValue == null ? "参数" + d.get("parameter") + "未设置：目标待市级下达（PENDING）"
                            : "参数" + d.get("parameter") + "，依据：" + str(d.get("parameterSource")),
                    paramValue == null ? "parameter " + d.get("parameter") + " is unset: the target awaits the city (PENDING)"
                            : "parameter " + d.get("parameter") + ", set by: " + str(d.get("parameterSource")));
            p.put("from", evidenceWithPointer(f, str(d.get("parameter"))));
            steps.add(p);
        }
        if (f.expected() != null) {
            steps.add(step("expected", f.expected(), unit, "市级下达目标，每年评判", "the city-assigned target, judged every year"));
        }
    }

    /** The steps of a finding of kind level_growth. */
    private static void levelGrowthSteps(Finding f, Map<String, Object> d, List<Map<String, Object>> obs,
            List<Map<String, Object>> steps) {
        String unit = f.unit();
        int y = f.year();
        Map<String, Object> p = find(obs, f.indicator(), y - 1);
        if (p != null) {
            steps.add(obsStep("previous", p));
        }
        if (d.get("growthPercent") != null) {
            Map<String, Object> g = step("growth", dec(d.get("growthPercent")), "%",
                    "比上年增长", "growth on the previous year");
            g.put("formula", "(" + plain(f.actual()) + " / " + plain(dec(d.get("previousValue"))) + " − 1) × 100");
            steps.add(g);
        }
        if (f.expected() != null) {
            Map<String, Object> e = step("expected", f.expected(), unit, "上年值按目标增速增长后应达的水平",
                    "last year's value grown at the target rate");
            e.put("formula", plain(dec(d.get("previousValue"))) + " × (1 + " + plain(f.target()) + " / 100)");
            steps.add(e);
        }
    }

    /** The steps of a finding of kind baseline. */
    private static void baselineSteps(Finding f, Map<String, Object> d, List<Map<String, Object>> steps,
            Map<String, Object> actualObs) {
        String unit = f.unit();
        if (d.get("gapToTarget") != null) {
            Map<String, Object> g = step("gap", dec(d.get("gapToTarget")), unit, "距2030年目标的差距（基期，不评判）",
                    "gap to the 2030 target (baseline year, not judged)");
            g.put("formula", "|" + plain(f.target()) + " − " + plain(f.actual()) + "|");
            steps.add(g);
        } else if (d.get("marginToTarget") != null) {
            steps.add(step("gap", dec(d.get("marginToTarget")).negate(), unit, "已满足2030年目标（负数为余量）",
                    "already meets the 2030 target (negative: room to spare)"));
        }
        if (actualObs == null && f.actual() != null) {
            Map<String, Object> a = step("actual", f.actual(), unit, "规划所列2025年值“" + str(d.get("baselineText")) + "”",
                    "the plan's 2025 value \"" + str(d.get("baselineText")) + "\"");
            a.put("from", Evidence.asMapsReferenced(f.evidence()));
            steps.add(a);
        }
    }

    /** The steps of a finding of kind township. */
    private static void townshipSteps(Finding f, Map<String, Object> d, List<Map<String, Object>> steps) {
        String unit = f.unit();
        // a township's assigned target (its figure against its share) or a figure's townships' sum
        // against the county's: the values come from the township submissions, not observations
        if (f.actual() != null) {
            boolean sum = d.get("sum") != null;
            steps.add(step("actual", f.actual(), unit,
                    sum ? "乡镇（街道）报送值之和（" + d.get("townshipsFiled") + "/" + d.get("townships") + "个报送）" : "乡镇（街道）报送值",
                    sum ? "the townships' values summed (" + d.get("townshipsFiled") + " of " + d.get("townships") + " filed)"
                            : "the township's value"));
        }
        if (f.expected() != null) {
            boolean county = d.get("county") != null;
            Map<String, Object> e = step("expected", f.expected(), unit,
                    county ? "全县数" + (d.get("tolerance") == null ? "" : "，允许舍入误差±" + plain(dec(d.get("tolerance"))))
                            : "分解目标“" + str(d.get("assignedText")) + "”",
                    county ? "the county's figure" + (d.get("tolerance") == null ? "" : ", rounding allows ±" + plain(dec(d.get("tolerance"))))
                            : "the assigned target \"" + str(d.get("assignedText")) + "\"");
            steps.add(e);
        }
    }

    /** The steps of a finding of a kind not known here (its values and what it required); @return the observation still to show as the actual value, or null */
    private static Map<String, Object> otherSteps(Finding f, List<Map<String, Object>> obs, List<Map<String, Object>> steps, Map<String, Object> actualObs) {
        String unit = f.unit();
        int y = f.year();
        // A way of judging this class does not know: show the values it used and what it required.
        if (actualObs != null && f.actual() != null && dec(actualObs.get("value")) != null
                && f.actual().compareTo(dec(actualObs.get("value"))) != 0) {
            List<Map<String, Object>> years = seriesOf(obs, f.indicator(), y);
            for (Map<String, Object> o : years) {
                steps.add(obsStep("year value", o));
            }
            steps.add(step("actual", f.actual(), unit, "由规则“" + f.rule() + "”根据上述数值计算",
                    "computed by rule \"" + f.rule() + "\" from the values above"));
            actualObs = null;
        }
        if (f.expected() != null) {
            steps.add(step("expected", f.expected(), unit, "规则“" + f.rule() + "”给出的应达值",
                    "what rule \"" + f.rule() + "\" required"));
        }
        return actualObs;
    }

    /** The judged value itself (submitted, or derived with its chain), and a problem with it. */
    private static void actualSteps(Finding f, Map<String, Object> d, List<Map<String, Object>> obs,
            Map<String, Object> actualObs, List<Map<String, Object>> steps) {
        // The judged value itself: submitted (with conversion and merge notes) or derived (with its chain).
        if (actualObs != null) {
            Map<String, Object> a = obsStep("actual", actualObs);
            if (f.actual() != null && dec(actualObs.get("value")) != null && f.actual().compareTo(dec(actualObs.get("value"))) != 0) {
                a.put("value", norm(f.actual()));
            }
            Object der = d.get("derivation");
            if (der != null) {
                a.put("derivation", der);
            }
            steps.add(a);
            if (actualObs.get("problem") != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", "problem");
                p.put("value", null);
                p.put("code", actualObs.get("problem"));
                p.put("how", actualObs.get("detail"));
                p.put("from", actualObs.get("evidence"));
                steps.add(p);
            }
        } else if (f.status() == Status.NO_DATA && obs.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", "problem");
            p.put("value", null);
            p.put("code", "missing");
            p.put("how", text("输入中没有" + f.year() + "年的" + f.indicator(), "no input holds " + f.indicator() + " for " + f.year()));
            p.put("from", List.of());
            steps.add(p);
        }
    }

    /** The inputs the rule used that no other step shows, as a step "inputs" (when there are any). */
    private static void restStep(Finding f, List<Map<String, Object>> steps) {
        // Inputs the rule used that no step above shows (records, further files): listed, never dropped;
        // a list of records a step shows by reference ("records": n) shows each of its records.
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (Map<String, Object> st : steps) {
            if (st.get("from") instanceof List<?> l) {
                for (Object o : l) {
                    Map<?, ?> e = (Map<?, ?>) o;
                    shown.add(e.get("input") + "#" + e.get("pointer") + (e.get("records") == null ? "" : "/*"));
                }
            }
        }
        List<Evidence> rest = new ArrayList<>();
        if (shown.isEmpty()) {
            rest.addAll(f.evidence()); // no step shows an input (e.g. a finding on one record): all of them
        }
        boolean byList = shown.stream().anyMatch(k -> k.endsWith("/*"));
        for (Evidence e : shown.isEmpty() ? List.<Evidence>of() : f.evidence()) {
            String list = byList ? Evidence.listOf(e.pointer()) : null;
            if (!shown.contains(e.input() + "#" + e.pointer()) && (list == null || !shown.contains(e.input() + "#" + list + "/*"))) {
                rest.add(e);
            }
        }
        if (!rest.isEmpty()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("name", "inputs");
            ev.put("value", null);
            ev.put("how", text("规则使用的其他输入", "further inputs the rule used"));
            ev.put("from", Evidence.asMapsReferenced(rest));
            steps.add(ev);
        }
    }

    @SuppressWarnings("unchecked")
    private static void standardSteps(Map<String, Object> d, List<Map<String, Object>> steps) {
        if (d.get("standardsApplied") instanceof List<?> applied) {
            for (Object o : applied) {
                Map<String, Object> t = (Map<String, Object>) o;
                List<String> uz = new ArrayList<>();
                List<String> ue = new ArrayList<>();
                if (t.get("unconfirmed") instanceof List<?> u) {
                    for (Object x : u) {
                        Map<String, Object> b = (Map<String, Object>) x;
                        uz.add(b.get("pollutant") + " " + b.get("above") + "–" + b.get("upTo") + "：" + b.get("basis"));
                        ue.add(b.get("pollutant") + " " + b.get("above") + "–" + b.get("upTo") + ": " + b.get("basis"));
                    }
                }
                String period = t.get("validTo") == null ? t.get("validFrom") + "起" : t.get("validFrom") + "至" + t.get("validTo");
                String periodEn = t.get("validTo") == null ? "from " + t.get("validFrom") : t.get("validFrom") + " to " + t.get("validTo");
                Object days = t.get("days");
                Map<String, Object> s = step("standard", days == null ? null : dec(days), "天",
                        t.get("standard") + "（" + period + "；" + t.get("clause") + "）"
                                + (days == null ? "" : "判定" + days + "天（" + t.get("first") + "至" + t.get("last") + "）：有效" + t.get("validDays")
                                        + "天、优良" + t.get("goodDays") + "天")
                                + (Integer.valueOf(0).equals(t.get("unconfirmedDays")) || t.get("unconfirmedDays") == null ? ""
                                        : "；其中" + t.get("unconfirmedDays") + "天的AQI取决于未经确认的分段")
                                + (uz.isEmpty() ? "" : "；未经确认的分段（置信度unconfirmed）：" + String.join("；", uz)),
                        t.get("standard") + " (" + periodEn + "; " + t.get("clause") + ")"
                                + (days == null ? "" : " judged " + days + " day(s) (" + t.get("first") + " to " + t.get("last") + "): " + t.get("validDays")
                                        + " valid, " + t.get("goodDays") + " good")
                                + (Integer.valueOf(0).equals(t.get("unconfirmedDays")) || t.get("unconfirmedDays") == null ? ""
                                        : "; the AQI of " + t.get("unconfirmedDays") + " of them rests on unconfirmed brackets")
                                + (ue.isEmpty() ? "" : "; unconfirmed brackets (confidence: unconfirmed): " + String.join("; ", ue)));
                Map<String, Object> from = new LinkedHashMap<>();
                from.put("input", t.get("file"));
                from.put("pointer", "validFrom");
                s.put("from", List.of(from));
                steps.add(s);
            }
        }
        if (d.get("basisChange") instanceof Map<?, ?> b) {
            Map<String, Object> s = step("basis", dec(b.get("referenceRatio")), "%",
                    "口径变化：基期" + b.get("baseYear") + "年及以前按" + b.get("referenceStandard") + "评价；本年各日全部按"
                            + b.get("referenceStandard") + "核算，优良" + b.get("referenceGoodDays") + "天/有效" + b.get("referenceValidDays")
                            + "天（参考值，不作评判；按当日有效的标准为" + ExplainText.num(b.get("ratio")) + "%）",
                    "change of basis: " + b.get("baseYear") + " and earlier were judged by " + b.get("referenceStandard")
                            + "; with every day of this year under it, " + b.get("referenceGoodDays") + " good of " + b.get("referenceValidDays")
                            + " valid days (reference figure, not judged; under the tables in force: " + ExplainText.num(b.get("ratio")) + " %)");
            Map<String, Object> from = new LinkedHashMap<>();
            from.put("input", b.get("referenceFile"));
            from.put("pointer", "PM2.5");
            s.put("from", List.of(from));
            steps.add(s);
        }
    }

    /** The projection as a step: the projected value, the formula of its method, and its sentence. */
    private static Map<String, Object> projectionStep(Map<?, ?> pj, String unit) {
        String method = str(pj.get("method"));
        boolean rate = "compound_average".equals(method);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "projection");
        p.put("value", pj.get("projected") == null ? null : norm(dec(pj.get("projected"))));
        p.put("unit", rate ? "%" : unit);
        String formula = switch (method) {
            case "average_change" -> "a(" + pj.get("lastYear") + ") + (a(" + pj.get("lastYear") + ") − a(" + pj.get("firstYear")
                    + ")) ÷ " + pj.get("years") + " × " + pj.get("remaining");
            case "compound_growth" -> "a(" + pj.get("lastYear") + ") × (a(" + pj.get("lastYear") + ") ÷ a(" + pj.get("firstYear")
                    + "))^(" + pj.get("remaining") + "/" + pj.get("years") + ")";
            case "compound_average" -> "(Π(1 + r ÷ 100))^(1/" + pj.get("years") + ") − 1";
            case "total_compound" -> "Σ + Σₖ a(" + pj.get("lastYear") + ") × (1 + g)^k, k = 1…" + pj.get("remaining")
                    + ", g = " + plain(dec(pj.get("pace"))) + " %";
            default -> "Σ + " + plain(dec(pj.get("pace"))) + " × " + pj.get("remaining");
        };
        p.put("formula", formula);
        Object t = pj.get("text");
        p.put("how", t instanceof Map<?, ?> ? t : text("", ""));
        p.put("level", pj.get("level"));
        return p;
    }

    private static void explainPath(Finding f, Map<String, Object> d, List<Map<String, Object>> obs,
                                     List<Map<String, Object>> steps, int baseYear, int span) {
        String unit = f.unit();
        BigDecimal base = dec(d.get("baseline"));
        if (base != null) {
            Map<String, Object> fromObs = find(obs, f.indicator(), baseYear);
            Map<String, Object> b;
            if (fromObs != null && !hasCataloguePointer(f)) {
                b = obsStep("baseline", fromObs);
                b.put("how", text(baseYear + "年报送值（规划未列该年数值或口径不同，以报送值为路径起点）",
                        baseYear + " submission (the plan gives no usable " + baseYear + " value; the path starts from it)"));
            } else {
                b = step("baseline", base, unit, "规划所列" + baseYear + "年值“" + str(d.get("baselineText")) + "”",
                        "the plan's " + baseYear + " value \"" + str(d.get("baselineText")) + "\"");
                b.put("from", catalogueFrom(d, "baseline"));
            }
            steps.add(b);
        }
        if (f.expected() != null) {
            if (base != null) {
                Map<String, Object> e = step("expected", f.expected(), unit,
                        f.year() + "年路径值：从" + baseYear + "年值到2030年目标的直线（时间过半、任务过半，契约§5）",
                        f.year() + " path value: the straight line from the " + baseYear + " value to the 2030 target (contract §5)");
                e.put("formula", plain(base) + " + (" + plain(f.target()) + " − " + plain(base) + ") × (" + f.year() + " − "
                        + baseYear + ") / " + span);
                steps.add(e);
            } else {
                steps.add(step("expected", f.expected(), unit, "缺少基期值：以2030年目标本身判断",
                        "no baseline: judged against the 2030 target itself"));
            }
        }
    }

    private static boolean hasCataloguePointer(Finding f) {
        return f.evidence().stream().anyMatch(e -> e.pointer().endsWith("/baseline"));
    }

    private static Map<String, Object> verdict(Finding f, Map<String, Object> d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", f.status().name());
        v.put("binding", f.binding());
        BigDecimal actual = f.actual();
        BigDecimal expected = f.expected();
        String cmp = f.comparator();
        if ("level_growth".equals(f.kind()) && d.get("growthPercent") != null && f.target() != null) {
            actual = dec(d.get("growthPercent"));
            expected = f.target();
        }
        if (actual != null && expected != null && cmp != null) {
            Comparator c = Comparator.parse(cmp);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("actual", norm(actual));
            t.put("comparator", cmp);
            t.put("expected", norm(expected));
            t.put("holds", c.meets(actual, expected));
            t.put("margin", norm(c.margin(actual, expected)));
            v.put("test", t);
            if (d.get("warnAt") != null) {
                BigDecimal w = dec(d.get("warnAt"));
                Map<String, Object> wt = new LinkedHashMap<>();
                wt.put("actual", norm(actual));
                wt.put("comparator", cmp);
                wt.put("expected", norm(w));
                wt.put("holds", c.meets(actual, w));
                wt.put("margin", norm(c.margin(actual, w)));
                v.put("warnTest", wt);
            }
        }
        v.put("why", why(f, v));
        return v;
    }

    private static Map<String, Object> why(Finding f, Map<String, Object> v) {
        String attrZh = f.binding() ? "约束性" : "预期性";
        String attrEn = f.binding() ? "binding (约束性)" : "expected (预期性)";
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) v.get("test");
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) v.get("warnTest");
        String test = t == null ? null : plain(dec(t.get("actual"))) + " " + t.get("comparator") + " " + plain(dec(t.get("expected")));
        boolean holds = t != null && Boolean.TRUE.equals(t.get("holds"));
        return switch (f.status()) {
            case PASS -> t == null ? text("满足要求", "requirement met")
                    : text(test + " 成立" + (w != null ? "，且未越过预警线" + plain(dec(w.get("expected"))) : "") + "：达标",
                            test + " holds" + (w != null ? " and the warning threshold " + plain(dec(w.get("expected"))) + " is not passed" : "") + ": PASS");
            case VIOLATION -> text((test == null ? "未满足要求" : test + " 不成立") + "；" + attrZh + "指标未达到为违规",
                    (test == null ? "requirement not met" : test + " does not hold") + "; a " + attrEn + " target missed is a VIOLATION");
            case WARNING -> holds && w != null
                    ? text(test + " 成立，但越过预警线" + plain(dec(w.get("expected"))) + "：预警",
                            test + " holds, but the warning threshold " + plain(dec(w.get("expected"))) + " is passed: WARNING")
                    : t != null && !holds
                    ? text(test + " 不成立；" + attrZh + "指标滞后为预警", test + " does not hold; an " + attrEn + " target behind is a WARNING")
                    : text("无法按目标判断（数据问题、缺少基期或关联值、口径不同）：预警",
                            "cannot be judged against the target (data problem, missing baseline or related value, other caliber): WARNING");
            case NO_DATA -> text("该年应有数值但未报送或报送单位说明无此数值：无数据", "the target applies but no value was submitted: NO_DATA");
            case PENDING -> text("目标待市级下达，参数未设置：待定", "the target awaits the city's assignment (parameter unset): PENDING");
            case BASELINE -> text("基期年份（≤基期年）：记录起点与差距，不评判", "a baseline year: the starting value and its gap are recorded, nothing is judged");
        };
    }

    // ---- helpers -------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> observations(Map<String, Object> d) {
        Object o = d.get("observations");
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static Map<String, Object> find(List<Map<String, Object>> obs, String indicator, int year) {
        for (Map<String, Object> o : obs) {
            if (indicator != null && indicator.equals(o.get("indicator")) && Integer.valueOf(year).equals(o.get("year"))) {
                return o;
            }
        }
        return null;
    }

    /** The observations of an indicator after the base year up to {@code year}, in year order. */
    private static List<Map<String, Object>> seriesOf(List<Map<String, Object>> obs, String indicator, int year) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (Map<String, Object> o : obs) {
            if (indicator.equals(o.get("indicator")) && o.get("year") instanceof Integer y && y <= year
                    && o.get("value") != null) {
                l.add(o);
            }
        }
        return l;
    }

    private static Map<String, Object> obsStep(String name, Map<String, Object> o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("indicator", o.get("indicator"));
        s.put("year", o.get("year"));
        s.put("value", o.get("value"));
        s.put("unit", o.get("unit"));
        boolean derived = "derived".equals(o.get("origin"));
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) o.get("detail");
        @SuppressWarnings("unchecked")
        Map<String, Object> by = (Map<String, Object>) o.get("derivedBy");
        String zh = derived ? "由规则" + (by == null ? "" : "“" + by.get("name") + "”") + "推算" : "报送值";
        String en = derived ? "derived by rule" + (by == null ? "" : " \"" + by.get("name") + "\"") : "submitted value";
        if (o.get("caliber") != null) {
            zh += "（口径：" + o.get("caliber") + "）";
            en += " (caliber: " + o.get("caliber") + ")";
        }
        if ("preliminary".equals(o.get("stage"))) {
            zh += "（初步数据）";
            en += " (preliminary)";
        }
        if (detail != null) {
            zh += "；" + detail.get("zh");
            en += "; " + detail.get("en");
        }
        s.put("how", text(zh, en));
        s.put("from", o.get("evidence"));
        return s;
    }

    private static Map<String, Object> step(String name, BigDecimal value, String unit, String zh, String en) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("value", norm(value));
        s.put("unit", unit);
        s.put("how", text(zh, en));
        s.put("from", List.of());
        return s;
    }

    private static List<Object> catalogueFrom(Map<String, Object> d, String field) {
        Object c = d.get("catalogue");
        if (!(c instanceof String s) || !s.contains("#")) {
            return List.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", s.substring(0, s.indexOf('#')));
        m.put("pointer", s.substring(s.indexOf('#') + 1) + "/" + field);
        return List.of(m);
    }

    private static List<Object> evidenceWithPointer(Finding f, String pointer) {
        return Evidence.asMaps(f.evidence().stream().filter(e -> e.pointer().equals(pointer)).toList());
    }

    private static String yearsText(List<Map<String, Object>> years) {
        List<String> l = new ArrayList<>();
        years.forEach(o -> l.add(String.valueOf(o.get("year"))));
        return "[" + String.join(", ", l) + "]";
    }

    private static String joinValues(List<Map<String, Object>> years, String sep) {
        List<String> l = new ArrayList<>();
        years.forEach(o -> l.add(plain(dec(o.get("value")))));
        return String.join(sep, l);
    }

    static Map<String, Object> text(String zh, String en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zh", zh);
        m.put("en", en);
        return m;
    }

    private static String str(Object o) {
        return o == null ? "—" : String.valueOf(o);
    }

    static BigDecimal dec(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof BigDecimal b) {
            return b;
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(o.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal norm(BigDecimal b) {
        if (b == null) {
            return null;
        }
        BigDecimal s = b.round(MC).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String plain(BigDecimal b) {
        return Numbers.plain(b);
    }
}
