package plancheck.standards;

import java.util.List;

/**
 * Surface-water quality class of GB 3838-2002 (Ⅰ–Ⅴ) plus 劣Ⅴ, ordered from best to worst.
 *
 * <p>Labels: {@link #zh()} gives the Roman-numeral form used in Chinese reports (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ,
 * 劣Ⅴ); {@link #en()} gives I … V and "worse than V". Quality words ({@link #qualityZh()}) follow
 * 地表水环境质量评价办法（试行）（环办〔2011〕22号）断面水质定性评价: Ⅰ–Ⅱ 优, Ⅲ 良好, Ⅳ 轻度污染,
 * Ⅴ 中度污染, 劣Ⅴ 重度污染.
 */
public enum WaterClass {
    /** Class Ⅰ. */
    I("Ⅰ", "I", "优", "excellent"),
    /** Class Ⅱ. */
    II("Ⅱ", "II", "优", "excellent"),
    /** Class Ⅲ. */
    III("Ⅲ", "III", "良好", "good"),
    /** Class Ⅳ. */
    IV("Ⅳ", "IV", "轻度污染", "lightly polluted"),
    /** Class Ⅴ. */
    V("Ⅴ", "V", "中度污染", "moderately polluted"),
    /** Worse than Class Ⅴ (劣Ⅴ): the value meets no class limit. */
    WORSE_THAN_V("劣Ⅴ", "worse than V", "重度污染", "heavily polluted");

    private static final List<WaterClass> GRADED = List.of(I, II, III, IV, V);

    private final String zh;
    private final String en;
    private final String qualityZh;
    private final String qualityEn;

    WaterClass(String zh, String en, String qualityZh, String qualityEn) {
        this.zh = zh;
        this.en = en;
        this.qualityZh = qualityZh;
        this.qualityEn = qualityEn;
    }

    /** @return Chinese label: Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ (Roman numerals U+2160…) or 劣Ⅴ */
    public String zh() {
        return zh;
    }

    /** @return English label: I, II, III, IV, V or "worse than V" */
    public String en() {
        return en;
    }

    /**
     * @param lang {@code "zh"} (default for anything else) or {@code "en"}
     * @return {@link #en()} for "en", otherwise {@link #zh()}
     */
    public String label(String lang) {
        return "en".equals(lang) ? en : zh;
    }

    /** @return quality word of 环办〔2011〕22号: 优, 良好, 轻度污染, 中度污染 or 重度污染 */
    public String qualityZh() {
        return qualityZh;
    }

    /** @return English quality word: excellent, good, lightly/moderately/heavily polluted */
    public String qualityEn() {
        return qualityEn;
    }

    /**
     * @param other another class
     * @return true if this class is strictly worse than {@code other} (e.g. Ⅳ is worse than Ⅲ)
     */
    public boolean isWorseThan(WaterClass other) {
        return compareTo(other) > 0;
    }

    /**
     * @param other another class
     * @return true if this class is as good as or better than {@code other}
     *         (e.g. Ⅱ and Ⅲ are "at least Ⅲ", Ⅳ is not)
     */
    public boolean isAtLeast(WaterClass other) {
        return compareTo(other) <= 0;
    }

    /** @return the five classes that have limits in GB 3838-2002, Ⅰ to Ⅴ (no 劣Ⅴ) */
    public static List<WaterClass> graded() {
        return GRADED;
    }

    /**
     * Parses a class label.
     *
     * @param s one of {@code I II III IV V} (ASCII), {@code Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ}, {@code 劣Ⅴ}, {@code 劣V},
     *          {@code WORSE_THAN_V}, {@code worse than V}; surrounding blanks ignored
     * @return the class
     * @throws IllegalArgumentException if {@code s} is null or not a class label
     */
    public static WaterClass parse(String s) {
        if (s != null) {
            String t = s.trim();
            for (WaterClass c : values()) {
                if (c.name().equals(t) || c.zh.equals(t) || c.en.equals(t)) {
                    return c;
                }
            }
            if (t.equals("劣V")) {
                return WORSE_THAN_V;
            }
        }
        throw new IllegalArgumentException("not a GB 3838-2002 water class: " + s);
    }
}
