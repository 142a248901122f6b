package plancheck.engine;

import java.util.List;
import java.util.Map;

import plancheck.model.Evidence;
import plancheck.standards.AirQualityYear;

/**
 * The daily air records of one station's year (scope "station") or of the region's year (scope
 * "region"), reduced by {@link AirReduction}: what the air rules judge (rules/environment/air.drl)
 * instead of every day as a fact.
 *
 * @param year        the submissions' year
 * @param scope       "station" or "region"
 * @param subject     the station id, or the region
 * @param air         the days, each judged under the tables in force on its date
 * @param stations    the region: the stations its value is computed from (by id); a station: itself
 * @param background  the region: stations left out as background/control points (对照点), by id
 * @param problemsZh  data problems of a station's records (a date of another year, a date twice), bounded
 * @param problemsEn  the same in English
 * @param evidence    the record lists the days came from: file and "/airDaily", sorted
 * @param dayEvidence a station: the records of its invalid days (their {@code /source} when built from
 *                    published rows), by date
 * @param sources     a station: the published files its days were built from, {file, sha256, rows}, by file
 */
public record AirYearRecords(int year, String scope, String subject, AirQualityYear air, List<String> stations,
                             List<String> background, List<String> problemsZh, List<String> problemsEn,
                             List<Evidence> evidence, List<Evidence> dayEvidence, List<Map<String, Object>> sources) {}
