package plancheck.model;

import java.math.BigDecimal;

/**
 * A value as the plan writes it (a 2025 baseline or a 2030 target of the catalogue), kept with its
 * original text and its meaning.
 *
 * <p>Meanings of the forms in 专栏1 (备注 1): "3.2/5.8*" — the 2025 annual value 3.2 and the 2021–2025
 * period average 5.8 ({@code *} = 规划期平均数); "0.7/【2.82】" — the 2025 annual value 0.7 and the
 * 2021–2025 cumulative total 2.82 ({@code 【】} = 累计数); "——" — the plan gives no value
 * ({@code missing}); "市级下达" / "达到市上考核目标" — assigned by the city ({@code cityAssigned});
 * "5左右" — about 5 ({@code qualifier: about}); "75以上", "<5.5", "2:1以内" — the value with the
 * comparator of the target.
 *
 * @param text          the text exactly as the plan prints it
 * @param value         the number the text gives (the annual value where there are two); null when
 *                      missing or city-assigned
 * @param periodAverage the period average marked {@code *}, or null
 * @param cumulative    the cumulative total marked {@code 【】}, or null
 * @param missing       true for "——": the plan gives no number
 * @param cityAssigned  true for "市级下达" / "达到市上考核目标": the city sets the number
 * @param qualifier     "about" for 左右, "above" for 以上, "over" for 超过/突破, "within" for 以内,
 *                      "below" for "<", or null
 */
public record TargetValue(String text, BigDecimal value, BigDecimal periodAverage, BigDecimal cumulative,
                          boolean missing, boolean cityAssigned, String qualifier) {

    /** @return true when the plan gives a usable number. */
    public boolean known() { return value != null && !missing && !cityAssigned; }
}
