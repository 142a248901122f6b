package plancheck.standards;

/**
 * One row of HJ 633-2012 表2 (空气质量指数及相关信息): an AQI range and its level and category.
 *
 * @param min    lowest AQI of the range (inclusive)
 * @param max    highest AQI of the range (inclusive), or {@code null} for the open top range (&gt; 300)
 * @param level  指数级别: 一级 … 六级
 * @param zh     类别: 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染
 * @param en     English category: excellent, good, lightly/moderately/heavily/severely polluted
 * @param source the clause, "HJ 633-2012 表2"
 */
public record AqiCategory(int min, Integer max, String level, String zh, String en, String source) {

    /**
     * @param aqi an AQI value
     * @return true if {@code min ≤ aqi ≤ max} (no upper bound when max is null)
     */
    public boolean contains(int aqi) {
        return aqi >= min && (max == null || aqi <= max);
    }

    /**
     * @param lang "en" for English, anything else for Chinese
     * @return the category name in that language
     */
    public String label(String lang) {
        return "en".equals(lang) ? en : zh;
    }
}
