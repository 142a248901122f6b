package plancheck.standards;

/** The three measures by which 国务院令第493号 第三条 grades an accident. */
public enum AccidentMeasure {
    /** 死亡人数 (persons). Submission key {@code deaths}. */
    DEATHS("deaths", "死亡"),
    /** 重伤人数，包括急性工业中毒 (persons). Submission key {@code seriousInjuries}. */
    SERIOUS_INJURIES("seriousInjuries", "重伤（包括急性工业中毒）"),
    /** 直接经济损失 (yuan). Submission key {@code directLossYuan}. */
    DIRECT_LOSS_YUAN("directLossYuan", "直接经济损失");

    private final String key;
    private final String zh;

    AccidentMeasure(String key, String zh) {
        this.key = key;
        this.zh = zh;
    }

    /** @return the submission / YAML key: deaths, seriousInjuries, directLossYuan */
    public String key() {
        return key;
    }

    /** @return the Chinese name */
    public String zh() {
        return zh;
    }
}
