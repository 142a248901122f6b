package plancheck.standards;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of GB 3838-2002 表1, as read from {@code rules/standards/gb3838-2002.yaml}.
 *
 * @param key    submission key, e.g. {@code "NH3-N"} (contract §2 waterSamples[].values)
 * @param no     row number in 表1 (1–24)
 * @param name   Chinese name, e.g. 氨氮(NH3-N)
 * @param unit   unit of the limits and of submitted values: mg/L, 无量纲 (pH), 个/L (fecal coliform), ℃
 * @param type   how a value is compared with a limit
 * @param limits per waterbody, the limit of each class Ⅰ–Ⅴ; a waterbody absent from the map has no
 *               limit for this item (TN for rivers; every waterbody for water temperature)
 * @param source the clause, e.g. "GB 3838-2002 表1 第7项"
 */
public record WaterItem(String key, int no, String name, String unit, Type type,
                        Map<Waterbody, Map<WaterClass, WaterLimit>> limits, String source) {

    /** How values are compared with the limits of a row. */
    public enum Type {
        /** value ≤ limit meets the class. */
        MAX,
        /** value ≥ limit meets the class (dissolved oxygen). */
        MIN,
        /** min ≤ value ≤ max meets the class (pH). */
        RANGE,
        /** no class limits (water temperature). */
        NONE
    }

    /**
     * Copies the limit maps (unmodifiable).
     *
     * @param key submission key, such as NH3-N
     * @param no row number in 表1 (1–24)
     * @param name Chinese name, such as 氨氮(NH3-N)
     * @param unit unit of the limits and of submitted values: mg/L, 无量纲 (pH), 个/L (fecal coliform), ℃
     * @param type how a value is compared with a limit
     * @param limits per waterbody, the limit of each class Ⅰ–Ⅴ; a waterbody absent from the map has no limit for this item (TN for rivers; every waterbody for water temperature)
     * @param source the clause, such as GB 3838-2002 表1 第7项
     * @throws NullPointerException if key, type, limits or source is null
     */
    public WaterItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(source, "source");
        Map<Waterbody, Map<WaterClass, WaterLimit>> copy = new EnumMap<>(Waterbody.class);
        limits.forEach((w, m) -> copy.put(w, Collections.unmodifiableMap(new EnumMap<>(m))));
        limits = Collections.unmodifiableMap(copy);
    }

    /**
     * @param waterbody river or lake
     * @return the class limits Ⅰ–Ⅴ for that waterbody, or an empty map if the standard sets none
     */
    public Map<WaterClass, WaterLimit> limitsFor(Waterbody waterbody) {
        return limits.getOrDefault(waterbody, Map.of());
    }

    /**
     * @param waterbody river or lake
     * @return true if GB 3838-2002 gives class limits for this item on that waterbody
     */
    public boolean hasLimitsFor(Waterbody waterbody) {
        return !limitsFor(waterbody).isEmpty();
    }
}
