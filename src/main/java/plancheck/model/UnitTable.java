package plancheck.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The units plancheck knows and how they convert (data from {@code rules/units.yaml}).
 *
 * <p>Each unit belongs to a dimension and has a factor to the dimension's base unit: 万吨 is
 * 10,000 吨; 亿元 is 10,000 万元; % is 10 ‰. Units convert only within one dimension.
 */
public final class UnitTable {

    /**
     * One unit.
     *
     * @param unit      the unit as written in submissions and the catalogue (e.g. "万吨")
     * @param dimension what it measures (e.g. "mass"); units convert only within a dimension
     * @param factor    its size in the dimension's base unit
     */
    public record Unit(String unit, String dimension, BigDecimal factor) {}

    private final Map<String, Unit> units = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();

    /**
     * Adds a unit.
     *
     * @param unit    the unit
     * @param aliasOf other spellings that mean the same unit (e.g. ":1" for 倍)
     */
    public void add(Unit unit, Iterable<String> aliasOf) {
        units.put(unit.unit(), unit);
        for (String a : aliasOf) {
            aliases.put(a, unit.unit());
        }
    }

    /** @return the unit named {@code name} (or one of its aliases), if known. */
    public Optional<Unit> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Unit u = units.get(name);
        if (u == null && aliases.containsKey(name)) {
            u = units.get(aliases.get(name));
        }
        return Optional.ofNullable(u);
    }

    /** @return true when the unit (or an alias) is in the table. */
    public boolean knows(String name) { return find(name).isPresent(); }

    /**
     * Converts a value between two units of one dimension, exactly where the factors allow
     * (34 significant digits otherwise), trailing zeros stripped.
     *
     * @param value the value in {@code from}
     * @param from  the unit it is in
     * @param to    the unit wanted
     * @return the value in {@code to}; empty when either unit is unknown or the dimensions differ
     */
    public Optional<BigDecimal> convert(BigDecimal value, String from, String to) {
        Optional<Unit> f = find(from);
        Optional<Unit> t = find(to);
        if (f.isEmpty() || t.isEmpty() || !f.get().dimension().equals(t.get().dimension())) {
            return Optional.empty();
        }
        if (f.get().unit().equals(t.get().unit())) {
            return Optional.of(value);
        }
        BigDecimal base = value.multiply(f.get().factor());
        return Optional.of(base.divide(t.get().factor(), MathContext.DECIMAL128).stripTrailingZeros());
    }

    /** @return every unit name (without aliases), sorted. */
    public java.util.Set<String> names() { return java.util.Collections.unmodifiableSet(units.keySet()); }
}
