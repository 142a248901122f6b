package plancheck.analyst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import plancheck.i18n.Msg;
import plancheck.load.Paths2;
import plancheck.load.RuleSet;
import plancheck.model.PlanTarget;

/**
 * {@code plancheck rules list}: every target of the catalogue and every DRL rule, with its source
 * clause, kind (judge / @kind), binding attribute and where it is written (file:line).
 */
public final class RuleList {
    private RuleList() {}

    /**
     * @param rules the loaded rule set
     * @param dir   its folder
     * @param lang  "zh" or "en": the language of the headers
     * @return the listing, one line per target and per rule, tab-separated columns under a header
     * @throws IOException when files cannot be read
     */
    public static String render(RuleSet rules, Path dir, String lang) throws IOException {
        Map<String, String> lines = new HashMap<>();
        for (PlanTarget t : rules.targets()) {
            lines.put(t.id(), t.file());
        }
        Map<String, Integer> lineOf = new HashMap<>();
        Path cat = Path.of(rules.planDir()).resolve("catalogue"); // the plan's catalogue, where t.file() points
        if (Files.isDirectory(cat)) {
            try (var s = Files.walk(cat)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    try {
                        LocatedYaml y = LocatedYaml.parse(Files.readAllBytes(f));
                        if (y.docs().isEmpty()) {
                            continue;
                        }
                        JsonNode list = y.docs().get(0).path("targets");
                        for (int i = 0; i < list.size(); i++) {
                            lineOf.put(Paths2.display(f) + "#" + list.get(i).path("id").asText(), y.at(0, "/targets/" + i)[0]);
                        }
                    } catch (IOException e) {
                        // the loader would have rejected the file
                    }
                }
            }
        }
        StringBuilder b = new StringBuilder();
        List<PlanTarget> ts = new ArrayList<>(rules.targets());
        ts.sort(java.util.Comparator.comparing((PlanTarget t) -> t.table() == null ? 1000 : t.table()).thenComparing(PlanTarget::id));
        b.append(Msg.get(lang, "analyst.list-targets", "count", ts.size())).append('\n');
        b.append(Msg.get(lang, "analyst.list-targets-header")).append('\n');
        for (PlanTarget t : ts) {
            b.append(t.id()).append('\t').append(t.table() == null ? "—" : "专栏1-" + t.table()).append('\t')
                    .append(t.area()).append('\t').append(t.judge()).append('\t')
                    .append(t.attributeEn() + "(" + t.attributeZh() + ")").append('\t')
                    .append(t.comparator() == null ? "—" : t.comparator().symbol()).append('\t')
                    .append(t.target() == null ? "—" : t.target().text()).append('\t').append(t.unit()).append('\t')
                    .append(t.source()).append('\t').append(t.file()).append(':')
                    .append(lineOf.getOrDefault(t.file() + "#" + t.id(), 0)).append('\n');
        }
        DrlRules.Parsed drl = DrlRules.parse(dir);
        b.append('\n').append(Msg.get(lang, "analyst.list-rules", "count", drl.rules().size())).append('\n');
        b.append(Msg.get(lang, "analyst.list-rules-header")).append('\n');
        for (DrlRules.Rule r : drl.rules()) {
            String binding = r.meta().get("binding");
            b.append(r.name()).append('\t').append(r.meta().getOrDefault("kind", "—")).append('\t')
                    .append(binding == null ? Msg.get(lang, "analyst.list-from-target") : "binding=" + binding).append('\t')
                    .append(r.meta().getOrDefault("source", Msg.get(lang, "analyst.list-no-source"))).append('\t').append(r.where()).append('\n');
        }
        return b.toString();
    }
}
