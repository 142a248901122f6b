package plancheck.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import plancheck.model.Bureau;
import plancheck.model.Bureaus;
import plancheck.model.Text;

/**
 * The county units of a plan (责任单位): {@code responsible-units.yaml} of the plan folder, read by
 * {@link RulesLoader} with the plan's other data files — who each unit is (names, aliases), the indicators
 * it answers for and the record lists it files. The service asks the same file who may file what
 * ({@code plancheck.app.Responsibilities}).
 */
public final class PlanBureaus {
    private PlanBureaus() {}

    /** The record lists a unit may file, as submissions name them. */
    public static final List<String> RECORD_LISTS = List.of("accidents", "waterSamples", "airDaily", "energyUse",
            "cropOutput");

    /**
     * @param rules a rule set with its plan
     * @return the plan's units; none when the plan folder has no responsible-units.yaml
     */
    public static Bureaus of(RuleSet rules) {
        Object raw = rules.extra().get(file(rules.planDir()));
        return raw == null ? Bureaus.none() : parse(raw, rules.regions(), null, null);
    }

    /** The file's name in the plan folder. */
    public static final String FILE = "responsible-units.yaml";

    static String file(String planDir) {
        return planDir + "/" + FILE;
    }

    /**
     * @param raw      the parsed YAML (maps and lists)
     * @param regions  the plan's regions (a unit's name may start with one)
     * @param disp     the file, for problems (null: no problems reported)
     * @param problems where problems go, or null
     * @return the units
     */
    @SuppressWarnings("unchecked")
    static Bureaus parse(Object raw, List<String> regions, String disp, List<InputProblem> problems) {
        List<Bureau> out = new ArrayList<>();
        Object list = raw instanceof Map<?, ?> m ? m.get("bureaus") : null;
        if (!(list instanceof List<?> l)) {
            if (problems != null) {
                problems.add(new InputProblem(disp, 0, 0, "/bureaus", plancheck.i18n.Msg.text("rules.bureaus-list")));
            }
            return Bureaus.none();
        }
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Map<?, ?> b)) {
                continue;
            }
            String id = str(b.get("id"));
            String full = str(b.get("name"));
            String name = str(b.get("shortName")) == null ? full : str(b.get("shortName"));
            if (id == null || name == null) {
                if (problems != null) {
                    problems.add(new InputProblem(disp, 0, 0, "/bureaus/" + i, plancheck.i18n.Msg.text("rules.bureau-id-name")));
                }
                continue;
            }
            String en = str(b.get("en"));
            List<String> records = strings(b.get("records"));
            for (String r : records) {
                if (problems != null && !RECORD_LISTS.contains(r)) {
                    problems.add(new InputProblem(disp, 0, 0, "/bureaus/" + i + "/records", plancheck.i18n.Msg.text(
                            "rules.bureau-records", "found", plancheck.model.Bounded.quote(r), "lists", RECORD_LISTS.toString())));
                }
            }
            out.add(new Bureau(id, new Text(name, en == null ? name : en), full, strings(b.get("aliases")), records));
        }
        return new Bureaus(out, regions);
    }

    /**
     * @param raw the parsed file
     * @return indicator id → the units that list it, in file order
     */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, List<String>> indicators(Object raw) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        Object list = raw instanceof Map<?, ?> m ? m.get("bureaus") : null;
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> b && b.get("id") != null) {
                    for (String id : strings(b.get("indicators"))) {
                        out.computeIfAbsent(id, k -> new ArrayList<>()).add(String.valueOf(b.get("id")));
                    }
                }
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null || o instanceof Map || o instanceof List ? null : String.valueOf(o);
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
