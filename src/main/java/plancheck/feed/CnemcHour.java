package plancheck.feed;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One published row: one station, one hour.
 *
 * @param line       its line in the file (the header is line 1)
 * @param archive    the archive file the row came from (column {@code file})
 * @param time       the hour's label (column {@code timepoint}, Beijing time): the hour that ends then
 * @param station    the station code ({@code 4137A})
 * @param name       the station's name ({@code 公安局})
 * @param area       the city ({@code 重庆市})
 * @param primary    the published primary pollutant(s), as published ("" when none)
 * @param aqi        the published hourly AQI, or null ({@code NA} or empty)
 * @param values     column → value for the concentration columns that hold a number ({@code pm2_5},
 *                   {@code pm2_5_24h}, {@code o3}, … ; {@code NA} and empty cells are absent)
 */
public record CnemcHour(int line, String archive, LocalDateTime time, String station, String name, String area,
                        String primary, Integer aqi, Map<String, BigDecimal> values) {

    /** @return the official day the hour belongs to: the hour labelled 00:00 closes the previous day */
    public java.time.LocalDate day() {
        return time.getHour() == 0 ? time.toLocalDate().minusDays(1) : time.toLocalDate();
    }

    /** @return the hour's label within its official day, 1 … 24 */
    public int label() {
        return time.getHour() == 0 ? 24 : time.getHour();
    }
}
