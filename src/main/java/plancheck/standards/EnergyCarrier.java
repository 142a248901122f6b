package plancheck.standards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One carrier of GB/T 2589 附录A, as read from {@code rules/standards/gb-t-2589.yaml}.
 *
 * @param id          submission key (contract §2 energyUse[].carrier), e.g. {@code electricity}
 * @param name        Chinese name, e.g. 电力（当量值）
 * @param aliases     other accepted names, e.g. 电力
 * @param unit        the unit the coefficient is per: kWh, kg, m³ or MJ
 * @param kgcePerUnit kilograms of standard coal per one {@code unit}
 * @param source      the clause, e.g. "GB/T 2589 附录A 电力（当量值）…"
 */
public record EnergyCarrier(String id, String name, List<String> aliases, String unit, BigDecimal kgcePerUnit,
                            String source) {

    /**
     * Checks and copies the components.
     *
     * @param id submission key (contract §2 energyUse[].carrier), such as electricity
     * @param name Chinese name, such as 电力（当量值）
     * @param aliases other accepted names, such as 电力
     * @param unit the unit the coefficient is per: kWh, kg, m³ or MJ
     * @param kgcePerUnit kilograms of standard coal per one {@code unit}
     * @param source the clause of GB/T 2589 附录A
     * @throws NullPointerException if id, unit, kgcePerUnit or source is null
     */
    public EnergyCarrier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kgcePerUnit, "kgcePerUnit");
        Objects.requireNonNull(source, "source");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
