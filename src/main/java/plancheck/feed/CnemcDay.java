package plancheck.feed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One official day at one station, built from its published hours (HJ 663: the hours labelled
 * 01:00 … 24:00; the next day's 00:00 row closes the day).
 *
 * @param station the station code
 * @param name    the station's name as published
 * @param date    the day
 * @param values  pollutant (PM2.5, PM10, SO2, NO2, CO, O3_8h) → the day's value, rounded by GB/T 8170
 *                (whole μg/m³, CO 0.1 mg/m³); absent when no value was published that day
 * @param counts  pollutant → the number of values behind it: valid hourly values for the 24-hour
 *                means, valid 8-hour means (of the 17 ending 08:00 … 24:00) for O3_8h; 0 when none
 * @param rows    the line numbers of the rows the day was built from, as ranges ("27-50"), or ""
 *                when the file has no row for the day
 * @param hours   the number of rows (hours) the file has for the day, 0 … 24
 */
public record CnemcDay(String station, String name, LocalDate date, Map<String, BigDecimal> values,
                       Map<String, Integer> counts, String rows, int hours) {}
