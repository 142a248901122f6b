package plancheck.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.standards.AccidentGrading;
import plancheck.standards.AirQualityIndex;
import plancheck.standards.StandardCoal;
import plancheck.standards.StandardsException;
import plancheck.standards.StandardsLoader;
import plancheck.standards.SurfaceWaterStandard;

/**
 * The national standards' tables, parsed once per rule set from {@code <rules>/standards/}, offered to
 * DRL as the global {@code std} (declare {@code global plancheck.engine.Standards std;}).
 *
 * @param water    GB 3838-2002 Table 1 and the single-factor method (环办〔2011〕22号)
 * @param air      HJ 633-2012 IAQI breakpoints
 * @param accidents State Council Decree 493 Art. 3 grades
 * @param coal     GB/T 2589 standard-coal coefficients
 */
public record Standards(SurfaceWaterStandard water, AirQualityIndex air, AccidentGrading accidents,
                        StandardCoal coal, String dir) {

    /**
     * @param name a table's file name, e.g. {@code gb3838-2002.yaml}
     * @return its path as reports show it (evidence of a finding that rests on the table)
     */
    public String file(String name) {
        return dir + "/" + name;
    }

    /**
     * @param rulesDir the rules folder
     * @return the standards, or null when the folder has no {@code standards/} subfolder
     * @throws InputException naming the file and place when a table is malformed (exit 2)
     */
    public static Standards load(Path rulesDir) throws InputException {
        Path dir = rulesDir.resolve("standards");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        StandardsLoader l = new StandardsLoader(dir);
        try {
            return new Standards(l.surfaceWater(), l.airQuality(), l.accidentGrading(), l.standardCoal(),
                    plancheck.load.Paths2.display(dir));
        } catch (StandardsException e) {
            throw new InputException(List.of(new InputProblem(plancheck.load.Paths2.display(Path.of(e.file())), 0, 0,
                    e.location() == null ? "" : String.valueOf(e.location()), e.problem())));
        }
    }
}
