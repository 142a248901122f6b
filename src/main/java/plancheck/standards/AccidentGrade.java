package plancheck.standards;

/**
 * Production-safety accident grades of 生产安全事故报告和调查处理条例（国务院令第493号）第三条,
 * ordered from least to most severe.
 */
public enum AccidentGrade {
    /** 一般事故: fewer than 3 deaths, fewer than 10 serious injuries, less than 10 million yuan. */
    GENERAL("一般", "一般事故", "general"),
    /** 较大事故: 3–9 deaths, or 10–49 serious injuries, or 10 to under 50 million yuan. */
    LARGER("较大", "较大事故", "larger"),
    /** 重大事故: 10–29 deaths, or 50–99 serious injuries, or 50 to under 100 million yuan. */
    MAJOR("重大", "重大事故", "major"),
    /** 特别重大事故: 30 or more deaths, or 100 or more serious injuries, or 100 million yuan or more. */
    EXTRAORDINARY("特别重大", "特别重大事故", "extraordinarily serious");

    private final String zh;
    private final String zhFull;
    private final String en;

    AccidentGrade(String zh, String zhFull, String en) {
        this.zh = zh;
        this.zhFull = zhFull;
        this.en = en;
    }

    /** @return short Chinese name: 一般, 较大, 重大, 特别重大 */
    public String zh() {
        return zh;
    }

    /** @return full Chinese name: 一般事故 … 特别重大事故 */
    public String zhFull() {
        return zhFull;
    }

    /** @return English name */
    public String en() {
        return en;
    }

    /**
     * @param other another grade
     * @return true if this grade is {@code other} or more severe — e.g. {@code g.isAtLeast(LARGER)}
     *         is "较大及以上", counted by the plan's {@code major_accidents} indicator
     */
    public boolean isAtLeast(AccidentGrade other) {
        return compareTo(other) >= 0;
    }
}
