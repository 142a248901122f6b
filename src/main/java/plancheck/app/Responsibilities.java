package plancheck.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import plancheck.i18n.Msg;
import plancheck.load.InputProblem;
import plancheck.load.RuleSet;
import plancheck.load.Submission;

/**
 * Which bureau files which indicators and records of a plan: the plan folder's
 * {@code responsible-units.yaml} ({@code bureaus: [{id, name, indicators: [...], records: [...]}]}).
 *
 * <p>This is the one place the service asks "may this bureau file this?"; the format is read here only,
 * so that another source of responsible units (e.g. the bureaus' workbooks) replaces this class alone.
 * Without the file, no bureau is known and every bureau upload is refused.
 */
public final class Responsibilities {

    /** Record kinds of a submission, by their key in the JSON format (contract §2). */
    public static final List<String> RECORD_KINDS = List.of("waterSamples", "airDaily", "accidents", "energyUse",
            "cropOutput");

    /** One bureau. */
    public record Bureau(String id, String name, Set<String> indicators, Set<String> records) {}

    private final Map<String, Bureau> bureaus;
    private final Map<String, String> ownerOfIndicator = new LinkedHashMap<>();
    private final Map<String, String> ownerOfRecord = new LinkedHashMap<>();

    private Responsibilities(Map<String, Bureau> bureaus) {
        this.bureaus = bureaus;
        bureaus.values().forEach(b -> {
            b.indicators().forEach(i -> ownerOfIndicator.putIfAbsent(i, b.id()));
            b.records().forEach(r -> ownerOfRecord.putIfAbsent(r, b.id()));
        });
    }

    /** @return the responsible units of a plan (empty when its folder has no responsible-units.yaml) */
    @SuppressWarnings("unchecked")
    public static Responsibilities of(RuleSet plan) {
        Map<String, Bureau> m = new LinkedHashMap<>();
        Object doc = plan.extra().get(plan.planDir() + "/responsible-units.yaml");
        if (doc instanceof Map<?, ?> root && root.get("bureaus") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> b && b.get("id") instanceof String id) {
                    m.put(id, new Bureau(id, String.valueOf(b.get("name")), strings(b.get("indicators")),
                            strings(b.get("records"))));
                }
            }
        }
        return new Responsibilities(Map.copyOf(m));
    }

    private static Set<String> strings(Object o) {
        Set<String> s = new TreeSet<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> s.add(String.valueOf(x)));
        }
        return Set.copyOf(s);
    }

    /** @return every bureau, by id */
    public List<Bureau> bureaus() {
        return bureaus.values().stream().sorted(java.util.Comparator.comparing(Bureau::id)).toList();
    }

    /** @return the bureau, or null */
    public Bureau bureau(String id) {
        return bureaus.get(id);
    }

    /** @return the bureau responsible for an indicator, or null */
    public String ownerOf(String indicator) {
        return ownerOfIndicator.get(indicator);
    }

    /**
     * @param bureau the filing bureau's id
     * @param s      its submission
     * @return one problem per indicator or record kind the bureau is not responsible for, naming it and
     *         its responsible bureau (empty: it may file the whole submission)
     */
    public List<InputProblem> refusals(String bureau, Submission s) {
        return refusals(bureau, s, null);
    }

    /**
     * The same, each problem at its line and column in the file.
     *
     * @param bytes the submission's bytes (JSON: lines and columns are added; a workbook or CSV file: its
     *              problems name their cells), or null for pointers only
     */
    public List<InputProblem> refusals(String bureau, Submission s, byte[] bytes) {
        List<InputProblem> out = refusalsAt(bureau, s);
        if (bytes == null || out.isEmpty() || plancheck.load.sheet.SheetReader.isSheetName(s.file())
                || plancheck.load.sheet.SheetReader.kindOf(bytes) != plancheck.load.sheet.SheetReader.Kind.TEXT) {
            return out; // a workbook's or CSV file's problems name their cells already
        }
        plancheck.load.LocatedJson doc;
        try {
            doc = plancheck.load.LocatedJson.parse(bytes, s.file(), new ArrayList<>());
        } catch (java.io.IOException | RuntimeException e) {
            return out; // read once already: only the positions would be missing
        }
        List<InputProblem> located = new ArrayList<>();
        for (InputProblem p : out) {
            int[] at = doc.at(p.pointer());
            located.add(new InputProblem(p.file(), at[0], at[1], p.pointer(), p.text()));
        }
        return located;
    }

    private List<InputProblem> refusalsAt(String bureau, Submission s) {
        List<InputProblem> out = new ArrayList<>();
        Bureau b = bureaus.get(bureau);
        String name = b == null ? bureau : b.name();
        for (Submission.IndicatorValue v : s.indicators()) {
            if (b != null && b.indicators().contains(v.id())) {
                continue;
            }
            String owner = ownerOfIndicator.get(v.id());
            // JSON: the value's id (/indicators/3/id); a workbook or CSV file: the row's cell (指标!I7)
            String at = v.pointer().startsWith("/") ? v.pointer() + "/id" : v.pointer();
            out.add(new InputProblem(s.file(), 0, 0, at, owner == null
                    ? Msg.text("service.indicator-no-bureau", "id", v.id(), "bureau", name)
                    : Msg.text("service.indicator-of-other-bureau", "id", v.id(), "bureau", name,
                            "owner", bureaus.get(owner).name())));
            if (out.size() >= 50) {
                return out;
            }
        }
        Map<String, List<? extends Object>> lists = new LinkedHashMap<>();
        lists.put("waterSamples", s.water());
        lists.put("airDaily", s.air());
        lists.put("accidents", s.accidents());
        lists.put("energyUse", s.energy());
        lists.put("cropOutput", s.crops());
        lists.forEach((kind, l) -> {
            if (!l.isEmpty() && (b == null || !b.records().contains(kind))) {
                String owner = ownerOfRecord.get(kind);
                out.add(new InputProblem(s.file(), 0, 0, recordsAt(kind, l.get(0)), owner == null
                        ? Msg.text("service.records-no-bureau", "kind", kind, "bureau", name)
                        : Msg.text("service.records-of-other-bureau", "kind", kind, "bureau", name,
                                "owner", bureaus.get(owner).name())));
            }
        });
        return out;
    }

    /**
     * @return where a submission's records of a kind are: the list's pointer in JSON ({@code /accidents}), the
     *         first record's row in a workbook or CSV file ({@code 生产安全事故!A4:G4})
     */
    private static String recordsAt(String kind, Object first) {
        plancheck.model.Evidence e = null;
        if (first instanceof plancheck.model.Records.WaterSample w) {
            e = w.evidence();
        } else if (first instanceof plancheck.model.Records.AirDay a) {
            e = a.evidence();
        } else if (first instanceof plancheck.model.Records.Accident a) {
            e = a.evidence();
        } else if (first instanceof plancheck.model.Records.EnergyUse u) {
            e = u.evidence();
        } else if (first instanceof plancheck.model.Records.CropOutput c) {
            e = c.evidence();
        }
        String p = e == null ? null : e.pointer();
        return p == null || p.isEmpty() || p.startsWith("/") ? "/" + kind : p;
    }
}
