package plancheck.standards;

import java.util.List;

/**
 * Every table of {@code rules/standards/}, by kind, each kind's tables arranged by the period they
 * are in force ({@link StandardsLoader#load()}).
 *
 * @param water      GB 3838 surface-water classes
 * @param airQuality HJ 633 AQI breakpoints
 * @param airLimits  GB 3095 Grade II limits and data-validity minimums
 * @param accidents  Decree 493 accident grades
 * @param coal       GB/T 2589 standard-coal coefficients
 */
public record StandardTables(Periods<SurfaceWaterStandard> water, Periods<AirQualityIndex> airQuality,
                             Periods<AirLimits> airLimits, Periods<AccidentGrading> accidents,
                             Periods<StandardCoal> coal) {

    /** @return every table, kind by kind, earliest first */
    public List<StandardTable> all() {
        List<StandardTable> l = new java.util.ArrayList<>();
        l.addAll(water.all());
        l.addAll(airQuality.all());
        l.addAll(airLimits.all());
        l.addAll(accidents.all());
        l.addAll(coal.all());
        return l;
    }
}
