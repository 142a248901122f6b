package plancheck.load;

import java.math.BigDecimal;
import java.util.List;

import plancheck.model.Records;

/**
 * One submission file (contract §2): one bureau, one region, one year, after structural validation.
 *
 * @param file        path relative to the working folder
 * @param sha256      SHA-256 of the file's bytes
 * @param region      e.g. 垫江县
 * @param year        the year it reports
 * @param submitter   the bureau, or null
 * @param stage       "final" (default) or "preliminary"
 * @param indicators  the indicator values, in file order
 * @param water       monthly samples per monitoring section
 * @param air         daily air-quality records
 * @param accidents   production-safety accidents
 * @param energy      energy consumption by carrier
 * @param crops       output by crop (optional extension {@code cropOutput[]}, docs/submissions.md); empty
 *                    when not submitted
 */
public record Submission(String file, String sha256, String region, int year, String submitter, String stage,
                         List<IndicatorValue> indicators, List<Records.WaterSample> water,
                         List<Records.AirDay> air, List<Records.Accident> accidents,
                         List<Records.EnergyUse> energy, List<Records.CropOutput> crops) {

    /** Null lists become empty ones. */
    public Submission {
        crops = crops == null ? List.of() : crops;
    }

    /**
     * A submission without crop output (the form before {@code cropOutput[]} existed; kept for callers
     * that build submissions directly).
     *
     * @param file       path relative to the working folder
     * @param sha256     SHA-256 of the file's bytes
     * @param region     e.g. 垫江县
     * @param year       the year it reports
     * @param submitter  the bureau, or null
     * @param stage      "final" or "preliminary"
     * @param indicators the indicator values
     * @param water      monthly samples per monitoring section
     * @param air        daily air-quality records
     * @param accidents  production-safety accidents
     * @param energy     energy consumption by carrier
     */
    public Submission(String file, String sha256, String region, int year, String submitter, String stage,
                      List<IndicatorValue> indicators, List<Records.WaterSample> water,
                      List<Records.AirDay> air, List<Records.Accident> accidents,
                      List<Records.EnergyUse> energy) {
        this(file, sha256, region, year, submitter, stage, indicators, water, air, accidents, energy, List.of());
    }

    /**
     * One entry of {@code indicators[]}.
     *
     * @param id      indicator id
     * @param value   the value as submitted; null when the submitter states that there is none
     * @param unit    the unit as submitted
     * @param caliber the declared caliber (口径), or null
     * @param pointer its JSON pointer, e.g. {@code /indicators/0}
     * @param note    the submitter's note, or null; with {@code value: null} it says why there is no value
     */
    public record IndicatorValue(String id, BigDecimal value, String unit, String caliber, String pointer,
                                 String note) {}
}
