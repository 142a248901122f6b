package plancheck.standards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A quantity unit accepted for energy use: {@code 1 symbol = factor × base}. Two units convert into
 * each other only when they share a base (kWh, kg, m³, MJ).
 *
 * @param symbol  e.g. {@code 万kWh}
 * @param base    e.g. {@code kWh}
 * @param factor  e.g. 10000
 * @param aliases other accepted spellings, e.g. 万千瓦时
 * @param source  where the factor comes from (definitions of 万, 亿, t, GJ)
 */
public record EnergyUnit(String symbol, String base, BigDecimal factor, List<String> aliases, String source) {

    /**
     * Checks and copies the components.
     *
     * @param symbol unit symbol, such as 万kWh
     * @param base base unit, such as kWh
     * @param factor how many base units one symbol is, such as 10000
     * @param aliases other accepted spellings, such as 万千瓦时
     * @param source where the factor comes from (definitions of 万, 亿, t, GJ)
     * @throws NullPointerException if symbol, base or factor is null
     */
    public EnergyUnit {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(factor, "factor");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
