package plancheck.model;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * The detailed records a submission may carry besides indicator values (contract §2). Domain rules
 * derive indicator values from them. Each record knows where it came from ({@link Evidence}).
 */
public final class Records {
    private Records() {}

    /**
     * One monthly sample of a surface-water monitoring section (断面).
     *
     * @param section   section id or name
     * @param river     the river (e.g. 龙溪河)
     * @param waterbody "river" or "lake" (lakes and reservoirs: GB 3838-2002 Table 1 TP/TN limits differ)
     * @param control   "national" (国控), "city" (市控) or another level
     * @param month     "YYYY-MM"
     * @param year      the submission's year
     * @param values    item → concentration in mg/L (pH without unit), item keys as GB 3838 Table 1
     * @param evidence  the sample's place in its submission
     */
    public record WaterSample(String section, String river, String waterbody, String control, String month,
                              int year, SortedMap<String, BigDecimal> values, Evidence evidence) {}

    /**
     * One day of air-quality data at a station: 24-hour means in μg/m³ (CO in mg/m³) and the day's
     * maximum 8-hour O3 mean (HJ 633). A pollutant not reported is absent from {@code values}.
     *
     * @param station    station id
     * @param date       "YYYY-MM-DD"
     * @param year       the submission's year
     * @param values     pollutant (PM2.5, PM10, SO2, NO2, CO, O3_8h) → concentration
     * @param counts     optional extension (docs/submissions.md): pollutant → the number of values
     *                   behind the mean (hourly values; for O3_8h the valid 8-hour means); empty when
     *                   not given
     * @param background optional extension: the station is a background/control point (对照点),
     *                   judged on its own but left out of the region's value
     * @param source     optional extension: the published rows the day was built from, or null
     * @param evidence   the record's place in its submission
     */
    public record AirDay(String station, String date, int year, SortedMap<String, BigDecimal> values,
                         SortedMap<String, Integer> counts, boolean background, AirSource source, Evidence evidence) {}

    /**
     * Where a day of air data was built from (docs/submissions.md {@code airDaily[].source}): the
     * published file, its SHA-256 when the day was built, and the rows (line numbers, the header being
     * line 1) that hold its hours.
     *
     * @param file   the file, relative to the repository ({@code data/cnemc/dianjiang-4137A-2026.csv})
     * @param sha256 the file's SHA-256
     * @param rows   the line numbers, as ranges: "27-50" or "27-38,40-51"
     */
    public record AirSource(String file, String sha256, String rows) {}

    /**
     * One production-safety accident (生产安全事故) of the year.
     *
     * @param id              the bureau's accident id
     * @param date            "YYYY-MM-DD"
     * @param year            the submission's year
     * @param sector          the sector (e.g. 建筑施工), or null
     * @param deaths          deaths (含失踪)
     * @param seriousInjuries serious injuries including acute industrial poisoning
     * @param directLossYuan  direct economic loss in yuan
     * @param evidence        the record's place in its submission
     */
    public record Accident(String id, String date, int year, String sector, int deaths, int seriousInjuries,
                           BigDecimal directLossYuan, Evidence evidence) {}

    /**
     * The region's consumption of one energy carrier in the year.
     *
     * @param carrier  carrier key of rules/standards (e.g. electricity, raw_coal, natural_gas)
     * @param quantity amount in {@code unit}
     * @param unit     e.g. kWh, t, m³
     * @param year     the submission's year
     * @param evidence the record's place in its submission
     */
    public record EnergyUse(String carrier, BigDecimal quantity, String unit, int year, Evidence evidence) {}

    /**
     * One crop's output in the year (农作物产量): an optional extension of contract §2, submission key
     * {@code cropOutput[]} (docs/submissions.md). The grain rules sum the grain crops (粮食: 谷物, 豆类,
     * 薯类, by the national statistical definition) as the proxy for {@code grain_capacity} when no
     * capacity is submitted (rules/grain/). What the crop name and the quantity mean is judged by the
     * rules, not here: an unknown unit, a negative quantity or an overlapping crop is a data problem
     * they report.
     *
     * @param crop     the crop as the statistics name it, e.g. 稻谷, 小麦, 玉米, 谷子, 高粱, 其他谷物, 豆类, 薯类;
     *                 crops that are not grain (油菜籽, 蔬菜 …) may be listed too
     * @param quantity the output in {@code unit}
     * @param unit     a mass unit as submitted (吨, 万吨, 公斤, 万公斤)
     * @param basis    "grain" (the default: the quantity is already grain-equivalent, 薯类 折粮 as the
     *                 statistics publish it) or "fresh" (薯类 only: fresh weight, converted at 5:1)
     * @param year     the submission's year
     * @param stage    the submission's stage, "final" or "preliminary"
     * @param evidence the record's place in its submission
     */
    public record CropOutput(String crop, BigDecimal quantity, String unit, String basis, int year, String stage,
                             Evidence evidence) {}

    /**
     * The samples of one monitoring section in one year: what the water rules judge (the samples
     * themselves are not facts of the rules; a section-year is one fact however many samples it has).
     *
     * @param year    the year
     * @param section the section
     * @param samples its samples, in evidence order
     */
    public record SectionSamples(int year, String section, java.util.List<WaterSample> samples) {}

    /**
     * The records of one accident id in one year (several when a bureau filed it twice): what the
     * safety rules grade (the records themselves are not facts of the rules).
     *
     * @param year    the year of the submissions
     * @param id      the accident id
     * @param records its records, in evidence order
     */
    public record AccidentRecords(int year, String id, java.util.List<Accident> records) {}
}
