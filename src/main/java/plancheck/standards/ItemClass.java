package plancheck.standards;

import java.math.BigDecimal;

/**
 * The class one item's value reaches under GB 3838-2002 表1.
 *
 * @param item       submission key, e.g. {@code "TP"}
 * @param value      the value classified (usually an annual mean), in the item's unit
 * @param waterClass the best class whose limit the value meets, or {@link WaterClass#WORSE_THAN_V}
 * @param limit      the limit of {@code waterClass}; for 劣Ⅴ the Class Ⅴ limit the value fails
 * @param unit       unit of value and limit (mg/L, 无量纲, 个/L)
 * @param source     the clause of the limit, e.g. "GB 3838-2002 表1 第8项（湖、库限值另列）"
 */
public record ItemClass(String item, BigDecimal value, WaterClass waterClass, WaterLimit limit,
                        String unit, String source) {

    /** @return e.g. {@code "TP 0.41 mg/L → 劣Ⅴ (Ⅴ: ≤ 0.4)"} */
    @Override
    public String toString() {
        String lim = waterClass == WaterClass.WORSE_THAN_V ? "Ⅴ: " + limit : waterClass.zh() + ": " + limit;
        return item + " " + value.toPlainString() + " " + unit + " → " + waterClass.zh() + " (" + lim + ")";
    }
}
