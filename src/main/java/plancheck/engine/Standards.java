package plancheck.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.standards.AccidentGrading;
import plancheck.standards.AirLimits;
import plancheck.standards.AirQualityIndex;
import plancheck.standards.StandardCoal;
import plancheck.standards.StandardTables;
import plancheck.standards.StandardsException;
import plancheck.standards.StandardsLoader;
import plancheck.standards.SurfaceWaterStandard;

/**
 * The national standards' tables, parsed once per rule set from {@code <rules>/standards/}, offered to
 * DRL as the global {@code std} (declare {@code global plancheck.engine.Standards std;}).
 *
 * <p>Every table has a period of validity; a rule asks for the table in force on the date of the
 * measurement: {@code std.airOn("2026-03-01")} (or {@code std.air(LocalDate)}), {@code std.waterOn(…)},
 * {@code std.airLimitsOn(…)}, {@code std.accidentsOn(…)}, {@code std.coalOn(…)}. A yearly figure is
 * dated by the last day of its year ({@link #yearEnd(int)}). Each returns {@code null} when no table is
 * in force that day (the rule says so in its finding); a date that is not {@code YYYY-MM-DD} is
 * {@code null} too.
 *
 * @param tables every table, by kind and period
 */
public record Standards(StandardTables tables) {

    /**
     * @param rulesDir the rules folder
     * @return the standards, or null when the folder has no {@code standards/} subfolder
     * @throws InputException naming the file and place when a table is malformed or two tables' periods
     *                        overlap or leave a gap (exit 2)
     */
    public static Standards load(Path rulesDir) throws InputException {
        Path dir = rulesDir.resolve("standards");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        StandardsLoader l = new StandardsLoader(dir, plancheck.load.Paths2::display);
        try {
            return new Standards(l.load());
        } catch (StandardsException e) {
            // a table that is not UTF-8 is named with its line and byte, as every file of the rules folder
            // (looked for only when loading failed: the tables are read once on the way that succeeds)
            List<InputProblem> notText = notUtf8(dir);
            if (!notText.isEmpty()) {
                throw new InputException(notText);
            }
            // a YAML syntax error is placed by line:column, any other problem by its pointer
            throw new InputException(List.of(new InputProblem(e.file(), e.line(), e.column(),
                    e.line() > 0 ? "" : e.location(), e.text())));
        }
    }

    /** @return a problem for each table of the folder that is not UTF-8 text */
    private static List<InputProblem> notUtf8(Path dir) {
        List<InputProblem> notText = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted().toList()) {
                plancheck.load.RulesLoader.utf8(plancheck.load.Paths2.display(f), Files.readAllBytes(f), notText);
            }
        } catch (java.io.IOException e) {
            // the loader's own problem names the file it cannot read
        }
        return notText;
    }

    /** @return the last day of the year: the date a yearly figure is judged on */
    public static String yearEnd(int year) {
        return year + "-12-31";
    }

    /** @return the date, or null when it is not YYYY-MM-DD */
    public static LocalDate date(String isoDate) {
        if (isoDate == null) {
            return null;
        }
        try {
            return LocalDate.parse(isoDate);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the AQI table (HJ 633) in force on the day, or null */
    public AirQualityIndex air(LocalDate day) {
        return day == null ? null : tables.airQuality().on(day);
    }

    /** @return the AQI table (HJ 633) in force on the day ("YYYY-MM-DD"), or null */
    public AirQualityIndex airOn(String day) {
        return air(date(day));
    }

    /** @return the Grade II limits (GB 3095) in force on the day, or null */
    public AirLimits airLimits(LocalDate day) {
        return day == null ? null : tables.airLimits().on(day);
    }

    /** @return the Grade II limits (GB 3095) in force on the day ("YYYY-MM-DD"), or null */
    public AirLimits airLimitsOn(String day) {
        return airLimits(date(day));
    }

    /** @return the surface-water table (GB 3838) in force on the day, or null */
    public SurfaceWaterStandard water(LocalDate day) {
        return day == null ? null : tables.water().on(day);
    }

    /** @return the surface-water table (GB 3838) in force on the day ("YYYY-MM-DD"), or null */
    public SurfaceWaterStandard waterOn(String day) {
        return water(date(day));
    }

    /** @return the accident grades (Decree 493) in force on the day, or null */
    public AccidentGrading accidents(LocalDate day) {
        return day == null ? null : tables.accidents().on(day);
    }

    /** @return the accident grades (Decree 493) in force on the day ("YYYY-MM-DD"), or null */
    public AccidentGrading accidentsOn(String day) {
        return accidents(date(day));
    }

    /** @return the standard-coal coefficients (GB/T 2589) in force on the day, or null */
    public StandardCoal coal(LocalDate day) {
        return day == null ? null : tables.coal().on(day);
    }

    /** @return the standard-coal coefficients (GB/T 2589) in force on the day ("YYYY-MM-DD"), or null */
    public StandardCoal coalOn(String day) {
        return coal(date(day));
    }
}
