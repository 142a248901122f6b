package plancheck.model;

import java.math.BigDecimal;

/**
 * One yearly target of the county's annual plan (年度计划: 第五十三章第一节 “将全县发展规划确定的主要指标分解纳入年度指标
 * 体系”), kept in {@code plans/<plan>/annual/<year>.yaml} with the document that set it. The rules judge the
 * year's value of the indicator against it, beside the five-year path.
 *
 * @param indicator  the catalogue id, e.g. {@code gdp_growth}
 * @param year       the year the annual plan is for
 * @param value      the yearly target in the catalogue's unit of the indicator
 * @param comparator how the year's value is compared with it
 * @param text       the target as the annual plan writes it, e.g. "6%左右"
 * @param document   the document that set it (the annual plan), in Chinese and English
 * @param fictional  true when the value is an example, not the county's real annual plan
 * @param file       the plan file it came from (display path)
 * @param pointer    where in the file, e.g. {@code /targets/0}
 */
public record AnnualTarget(String indicator, int year, BigDecimal value, Comparator comparator, String text,
                           Text document, boolean fictional, String file, String pointer) {

    /** @return where the value came from, for a finding's evidence */
    public Evidence evidence() {
        return new Evidence(file, pointer);
    }
}
