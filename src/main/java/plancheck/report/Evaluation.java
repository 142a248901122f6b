package plancheck.report;

import java.util.List;

/**
 * What a monitoring report says, independent of its format (.docx, HTML): the annual monitoring report
 * (年度监测分析), the mid-term evaluation (中期评估) or the final evaluation (总结评估) of a region's plan
 * (第五十三章第三节), in the form counties' plan execution reports use. Built from a checked report by
 * {@link EvaluationBuilder}; every text is already in the report's language, every number formatted.
 *
 * <p>A public version (公开版) carries no file paths, hashes, internal notes (the findings' messages, which
 * name inputs), parameter or indicator ids, nor records' subjects (accident ids, stations): its texts are built
 * from the plan's names and the numbers only, and {@link #internal()} is null.
 *
 * @param kind            {@code annual}, {@code midterm} or {@code final}
 * @param year            the year the report covers (data through that year)
 * @param lang            "zh" or "en"
 * @param publicVersion   true for the public version
 * @param region          the region
 * @param title           the report's title
 * @param subtitle        what it covers
 * @param clause          the plan clause that orders it
 * @param notes           example-data and fictional-target notes (empty when none)
 * @param countsSentence  the counts in the official wording (binding met, expected on target, which not)
 * @param warningSentence how many main indicators are on track, at risk, off track
 * @param paceSentence    mid-term: “时间过半、任务过半”; final: how many reached 100 %; null in the annual report
 * @param annualSentence  the annual plan's targets met and not met; null when the year has none
 * @param rows            the main indicators (专栏1), in the table's order
 * @param areas           the main indicators grouped by area
 * @param units           the main indicators grouped by responsible unit (empty until the catalogue names them)
 * @param unitsNote       why the grouping by responsible unit is missing, or null
 * @param warnings        every target (main and other) at risk or off track, main ones first
 * @param adjustments     targets whose needed pace exceeds the best year so far (to review)
 * @param annual          the annual plan's targets of the year
 * @param others          the plan's other targets judged in the year, grouped by area
 * @param othersNoData    the other targets without data for the year, as one sentence, or null
 * @param townships       one view per township or street (empty when none filed)
 * @param reconciliations the townships' sums against the county's figures
 * @param problems        data problems, in public wording
 * @param internal        the audit record (internal version only; null in the public one)
 * @param footer          the closing line
 * @param labels          headings and column names in the report's language (key without "evaluation.")
 */
public record Evaluation(String kind, int year, String lang, boolean publicVersion, String region, String title,
                         String subtitle, String clause, List<String> notes, String countsSentence,
                         String warningSentence, String paceSentence, String annualSentence, List<Row> rows,
                         List<Group> areas, List<Group> units, String unitsNote, List<Warn> warnings,
                         List<Warn> adjustments, List<AnnualRow> annual, List<Group> others, String othersNoData,
                         List<TownshipView> townships, List<Reconciliation> reconciliations, List<String> problems,
                         Internal internal, String footer, java.util.Map<String, String> labels) {

    /** @return true for the mid-term or final evaluation (progress columns) */
    public boolean evaluation() {
        return !"annual".equals(kind);
    }

    /**
     * One target's line.
     *
     * @param no          专栏1 number, or null
     * @param id          the catalogue id (internal; not shown in the public version)
     * @param name        the target's name
     * @param label       the name with its 专栏1 number (“5．常住人口城镇化率”)
     * @param unit        its unit
     * @param attribute   约束性 / 预期性 (or 未明确 …)
     * @param binding     true for a binding target
     * @param area        the area's name
     * @param responsible the responsible unit, or null while the catalogue names none
     * @param base        the 2025 value as the plan prints it
     * @param annual      the year's annual-plan target as written, or "—"
     * @param path        what the year had to reach on the five-year path (≥ 55.8), or "—"
     * @param target      the 2030 target as the plan prints it
     * @param actual      the year's value (with the running average or total where judged on it)
     * @param done        完成 / 未完成 / 达到预期 / 未达预期 / 暂无数据 / 待市级下达 / 数据存疑
     * @param doneCode    met, met-near, notmet, reached, missed, nodata, pending, problem
     * @param warning     the early-warning level in words, or "—"
     * @param warningCode on_track, at_risk, off_track, or "" when none
     * @param warningText the projection and the pace needed, or ""
     * @param progress    完成进度 in %, or "—" (mid-term and final)
     * @param pace        时间过半、任务过半: the judgement in words, or "—"
     * @param paceCode    keeps, lags, every-year, some-year, complete, incomplete, or ""
     * @param note        the finding's message (internal version only; null in the public one)
     * @param source      the plan clause
     */
    public record Row(Integer no, String id, String name, String label, String unit, String attribute, boolean binding, String area,
                      String responsible, String base, String annual, String path, String target, String actual,
                      String done, String doneCode, String warning, String warningCode, String warningText,
                      String progress, String pace, String paceCode, String note, String source) {}

    /**
     * Rows under a heading (an area, a responsible unit).
     *
     * @param name    the heading
     * @param rows    the rows
     * @param summary e.g. "3项：完成2项，未完成1项"
     */
    public record Group(String name, List<Row> rows, String summary) {}

    /**
     * A target at risk, off track, or to review.
     *
     * @param name  the target's name (with its 专栏1 number)
     * @param level the level in words
     * @param code  on_track, at_risk, off_track
     * @param text  the projection in words (numbers only; public)
     */
    public record Warn(String name, String level, String code, String text) {}

    /**
     * One target of the annual plan.
     *
     * @param name     the indicator
     * @param unit     its unit
     * @param target   the annual target as written
     * @param actual   the year's value
     * @param done     完成 / 未完成 / 暂无数据
     * @param doneCode met, notmet, nodata
     * @param document the document that set it
     */
    public record AnnualRow(String name, String unit, String target, String actual, String done, String doneCode,
                            String document) {}

    /**
     * A township's or street's view.
     *
     * @param name    its name
     * @param kind    街道, 镇 or 乡
     * @param rows    its assigned targets: indicator, assigned target, value, result
     * @param figures its figures in the reconciled sums: figure, value
     */
    public record TownshipView(String name, String kind, List<TownshipRow> rows, List<String[]> figures) {}

    /**
     * An assigned target of a township.
     *
     * @param indicator the indicator's name
     * @param unit      its unit
     * @param assigned  the assigned target as written
     * @param actual    the township's value, or "—"
     * @param done      完成 / 未完成 / 暂无数据
     * @param doneCode  met, notmet, nodata
     */
    public record TownshipRow(String indicator, String unit, String assigned, String actual, String done,
                              String doneCode) {}

    /**
     * A figure's townships' sum against the county's.
     *
     * @param figure     the figure's name
     * @param unit       its unit
     * @param county     the county's figure, or "—"
     * @param sum        the townships' sum
     * @param difference sum − county, or "—"
     * @param filed      "24/24"
     * @param result     一致 / 不一致（数据问题） / …
     * @param code       agrees, differs, exceeds, incomplete, no-county
     */
    public record Reconciliation(String figure, String unit, String county, String sum, String difference,
                                 String filed, String result, String code) {}

    /**
     * The audit record of the internal version.
     *
     * @param inputs   each input: {path, sha256}
     * @param rules    the plan, rules folder, rules hash and tool version in a sentence
     */
    public record Internal(List<String[]> inputs, String rules) {}
}
