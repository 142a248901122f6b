package plancheck.standards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversion of energy use to standard coal by GB/T 2589 综合能耗计算通则 附录A. Pure computation;
 * the coefficients come from {@code rules/standards/gb-t-2589.yaml} through
 * {@link StandardsLoader#standardCoal()}.
 *
 * <p>{@code tce = quantity × (unit factor ÷ carrier-unit factor) × kgcePerUnit ÷ 1000}, exact
 * (BigDecimal, no rounding). Example: 1 000 000 kWh of electricity × 0.1229 kgce/kWh = 122.9 tce.
 * Accepted units: kWh, 万kWh, 亿kWh; kg, t, 万t; m³, 万m³; MJ, GJ (and the Chinese spellings listed in
 * the YAML).
 */
public final class StandardCoal implements StandardTable {
    private static final BigDecimal KG_PER_T = BigDecimal.valueOf(1000);

    private final Validity validity;
    private final Map<String, EnergyCarrier> carriers; // by id and alias
    private final List<EnergyCarrier> carrierList;
    private final Map<String, EnergyUnit> units;       // by symbol and alias
    private final BigDecimal kjPerKgce;

    /**
     * Builds the converter from table rows (normally done by {@link StandardsLoader}).
     *
     * @param validity  the period in force, the standard's id and the file
     * @param carriers  carriers of 附录A
     * @param units     accepted units
     * @param kjPerKgce kJ in one kgce (29 307)
     * @throws IllegalArgumentException if an id, alias or unit symbol repeats, a carrier's unit is not a
     *                                  unit, or a coefficient or factor is not positive
     */
    public StandardCoal(Validity validity, List<EnergyCarrier> carriers, List<EnergyUnit> units, BigDecimal kjPerKgce) {
        this.validity = java.util.Objects.requireNonNull(validity, "validity");
        Map<String, EnergyUnit> u = new LinkedHashMap<>();
        for (EnergyUnit e : units) {
            if (e.factor().signum() <= 0) {
                throw new TableException("standards.unit-factor", "unit", e.symbol());
            }
            putUnique(u, e.symbol(), e, "standards.unit-name-twice");
            for (String a : e.aliases()) {
                putUnique(u, a, e, "standards.unit-name-twice");
            }
        }
        Map<String, EnergyCarrier> c = new LinkedHashMap<>();
        for (EnergyCarrier e : carriers) {
            if (e.kgcePerUnit().signum() <= 0) {
                throw new TableException("standards.carrier-factor", "id", e.id());
            }
            if (!u.containsKey(e.unit())) {
                throw new TableException("standards.carrier-unit", "id", e.id(), "unit", e.unit());
            }
            putUnique(c, e.id(), e, "standards.carrier-name-twice");
            for (String a : e.aliases()) {
                putUnique(c, a, e, "standards.carrier-name-twice");
            }
        }
        this.carriers = Collections.unmodifiableMap(c);
        this.carrierList = List.copyOf(carriers);
        this.units = Collections.unmodifiableMap(u);
        this.kjPerKgce = kjPerKgce;
    }

    private static <T> void putUnique(Map<String, T> m, String key, T v, String twice) {
        if (m.put(key, v) != null) {
            throw new TableException(twice, "key", key);
        }
    }

    @Override
    public Validity validity() {
        return validity;
    }

    /** @return the carriers, in table order */
    public List<EnergyCarrier> carriers() {
        return carrierList;
    }

    /** @return kJ in one kgce: 29 307 */
    public BigDecimal kjPerKgce() {
        return kjPerKgce;
    }

    /**
     * Looks a carrier up by id or alias.
     *
     * @param carrier id (e.g. {@code electricity}) or alias (e.g. 电力)
     * @return the carrier
     * @throws UnknownCarrierException if there is no such carrier
     */
    public EnergyCarrier carrier(String carrier) {
        EnergyCarrier c = carrier == null ? null : carriers.get(carrier.trim());
        if (c == null) {
            List<String> ids = new ArrayList<>();
            carrierList.forEach(e -> ids.add(e.id()));
            throw new UnknownCarrierException(carrier, ids);
        }
        return c;
    }

    /**
     * Converts a quantity to kilograms of standard coal.
     *
     * @param carrier  carrier id or alias
     * @param quantity amount in {@code unit}, ≥ 0
     * @param unit     a unit with the same base as the carrier's unit
     * @return kgce, exact
     * @throws UnknownCarrierException  if the carrier is unknown
     * @throws UnknownUnitException     if the unit is unknown or does not fit the carrier
     * @throws IllegalArgumentException if quantity is null or negative
     */
    public BigDecimal toKgce(String carrier, BigDecimal quantity, String unit) {
        EnergyCarrier c = carrier(carrier);
        if (quantity == null) {
            throw new IllegalArgumentException("no quantity for energy carrier " + c.id());
        }
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("negative quantity for energy carrier " + c.id() + ": " + quantity.toPlainString());
        }
        EnergyUnit given = unit == null ? null : units.get(unit.trim());
        EnergyUnit target = units.get(c.unit());
        if (given == null) {
            throw new UnknownUnitException(unit, c.id(), "not a known unit (known: " + String.join(", ", units.keySet()) + ")");
        }
        if (!given.base().equals(target.base())) {
            List<String> fits = new ArrayList<>();
            units.forEach((k, v) -> {
                if (v.base().equals(target.base())) {
                    fits.add(k);
                }
            });
            throw new UnknownUnitException(unit, c.id(), "the carrier is measured in " + c.unit() + " (usable: "
                    + String.join(", ", fits) + ")");
        }
        BigDecimal inCarrierUnit = quantity.multiply(given.factor());
        if (target.factor().compareTo(BigDecimal.ONE) != 0) {
            inCarrierUnit = inCarrierUnit.divide(target.factor(), java.math.MathContext.DECIMAL128);
        }
        return inCarrierUnit.multiply(c.kgcePerUnit());
    }

    /**
     * Converts a quantity to tonnes of standard coal (tce).
     *
     * @param carrier  carrier id or alias, e.g. {@code electricity}
     * @param quantity amount in {@code unit}, ≥ 0
     * @param unit     kWh, 万kWh, 亿kWh; kg, t, 万t; m³, 万m³; MJ, GJ — matching the carrier
     * @return tce, exact (e.g. 1 000 000 kWh electricity → 122.9)
     * @throws UnknownCarrierException  if the carrier is unknown
     * @throws UnknownUnitException     if the unit is unknown or does not fit the carrier
     * @throws IllegalArgumentException if quantity is null or negative
     */
    public BigDecimal toTce(String carrier, BigDecimal quantity, String unit) {
        return toKgce(carrier, quantity, unit).divide(KG_PER_T);
    }
}
