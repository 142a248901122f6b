package plancheck.cli;

import picocli.CommandLine.Option;

import plancheck.bench.SyntheticData;

/** The size of a synthetic data set ({@code bench synthetic}, {@code bench generate}). */
public final class SyntheticOptions {

    @Option(names = "--regions", paramLabel = "N", defaultValue = "1",
            description = "counties, each with its own plan (1: 垫江县 with the shipped plan; default: ${DEFAULT-VALUE})")
    int regions;

    @Option(names = "--sections", paramLabel = "N", defaultValue = "0",
            description = "water monitoring sections per region, 12 samples a year each (default: ${DEFAULT-VALUE})")
    int sections;

    @Option(names = "--stations", paramLabel = "N", defaultValue = "0",
            description = "air stations per region, one record a day each (default: ${DEFAULT-VALUE})")
    int stations;

    @Option(names = "--accidents", paramLabel = "N", defaultValue = "0",
            description = "accidents per region and year (default: ${DEFAULT-VALUE})")
    int accidents;

    @Option(names = "--years", paramLabel = "N", defaultValue = "5",
            description = "years from 2026, 1–5 (default: ${DEFAULT-VALUE})")
    int years;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "the generator's seed (default: ${DEFAULT-VALUE})")
    long seed;

    /** @return the data set, or throws with the reason */
    SyntheticData data() {
        check("--regions", regions, 1, 100_000);
        check("--sections", sections, 0, 1_000_000);
        check("--stations", stations, 0, 1_000_000);
        check("--accidents", accidents, 0, 10_000_000);
        check("--years", years, 1, 5);
        return new SyntheticData(regions, sections, stations, accidents, years, seed);
    }

    /** Names the option, its bounds and the value given (in Chinese, then English). */
    private static void check(String option, int value, int min, int max) {
        if (value < min || value > max) {
            plancheck.model.Text t = plancheck.i18n.Msg.text("cli.bench-size", "option", option, "min", min, "max", max,
                    "found", value);
            throw new IllegalArgumentException(t.zh() + " / " + t.en());
        }
    }

    /** @return "1 region × 5 years: 3600 sections, 0 stations, 0 accidents a year" */
    String describe() {
        return regions + " region(s) × " + years + " year(s): " + sections + " section(s), " + stations
                + " station(s), " + accidents + " accident(s) a year per region";
    }
}
