package plancheck.standards;

import java.util.List;
import java.util.Map;

/**
 * A day's AQI by HJ 633 from the six 24-hour values (O3: daily maximum 8-hour mean), or an hour's
 * real-time AQI ({@link AirQualityIndex#realTime(Map)}).
 *
 * <p>When {@link #valid()} is false there is no AQI: {@link #missing()} lists required pollutants
 * not given and {@link #problems()} says what else prevented it (negative value, O3_8h above
 * 800 μg/m³ without a 1-hour value). Such a day is not a valid day for the good-days ratio.
 *
 * @param valid              true if the AQI could be computed
 * @param aqi                the AQI (largest IAQI), or {@code null} if not valid
 * @param iaqi               pollutant key → IAQI (integer, rounded up), for every pollutant that
 *                           could be computed, in the order of the required list
 * @param primaryPollutants  首要污染物: pollutant(s) with the largest IAQI, only when AQI &gt; 50;
 *                           empty otherwise
 * @param exceedingPollutants 超标污染物: pollutants with IAQI &gt; 100
 * @param category           表2 category of the AQI, or {@code null} if not valid
 * @param aboveScale         pollutants above the last breakpoint of their row: reported as IAQI 500
 *                           (HJ 633 defines no IAQI beyond 500; project decision)
 * @param missing            required pollutants not given (or null)
 * @param problems           other reasons, in words, with the clause
 * @param ignored            keys given that are not pollutants of the table (sorted)
 * @param unconfirmed        pollutants whose IAQI decides the AQI and comes from a bracket the table
 *                           marks unconfirmed ({@link Confidence}); for an invalid result, every
 *                           pollutant computed from such a bracket
 */
public record DailyAqi(boolean valid, Integer aqi, Map<String, Integer> iaqi, List<String> primaryPollutants,
                       List<String> exceedingPollutants, AqiCategory category, List<String> aboveScale,
                       List<String> missing, List<String> problems, List<String> ignored, List<String> unconfirmed) {

    /**
     * Makes the collections unmodifiable (map order kept).
     *
     * @param valid true if the AQI could be computed
     * @param aqi the AQI (largest IAQI), or {@code null} if not valid
     * @param iaqi pollutant key → IAQI (integer, rounded up)
     * @param primaryPollutants 首要污染物 (AQI &gt; 50 only)
     * @param exceedingPollutants 超标污染物: IAQI &gt; 100
     * @param category 表2 category of the AQI, or {@code null} if not valid
     * @param aboveScale pollutants above the last breakpoint of their row (reported as IAQI 500)
     * @param missing required pollutants not given
     * @param problems other reasons, in words, with the clause
     * @param ignored keys given that are not pollutants of the table (sorted)
     * @param unconfirmed pollutants whose deciding IAQI comes from an unconfirmed bracket
     */
    public DailyAqi {
        iaqi = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(iaqi));
        primaryPollutants = List.copyOf(primaryPollutants);
        exceedingPollutants = List.copyOf(exceedingPollutants);
        aboveScale = List.copyOf(aboveScale);
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
        ignored = List.copyOf(ignored);
        unconfirmed = List.copyOf(unconfirmed);
    }

    /**
     * @param goodMaxAqi the highest AQI of a good day (100: 优 and 良, HJ 633 表2)
     * @return true if the day is valid and its AQI ≤ goodMaxAqi
     */
    public boolean isGood(int goodMaxAqi) {
        return valid && aqi <= goodMaxAqi;
    }
}
