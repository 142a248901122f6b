package plancheck.load;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import plancheck.model.PlanTarget;

/**
 * What the submission readers know of the plans' catalogues: the indicator ids, their names (a bureau
 * may write 单位生产总值安全事故死亡率 where the id is safety_death_rate), their units and calibers.
 */
public final class Catalogue {

    private final Set<String> ids = new TreeSet<>();
    private final Map<String, PlanTarget> byId = new TreeMap<>();
    private final Map<String, String> byName = new TreeMap<>();

    /** @param ids indicator ids only (no names, units or calibers known) */
    public static Catalogue ofIds(Collection<String> ids) {
        Catalogue c = new Catalogue();
        c.ids.addAll(ids);
        return c;
    }

    /** @param targets the targets of every plan */
    public static Catalogue of(Collection<PlanTarget> targets) {
        return of(targets, Set.of());
    }

    /** @param rules one plan: its targets and the figures only its townships submit */
    public static Catalogue of(RuleSet rules) {
        return of(rules.targets(), PlanMonitoring.townships(rules).ownIds(rules));
    }

    /**
     * @param targets  the targets of every plan
     * @param extraIds ids known without a target (the figures only townships submit)
     */
    public static Catalogue of(Collection<PlanTarget> targets, Collection<String> extraIds) {
        Catalogue c = new Catalogue();
        c.ids.addAll(extraIds);
        for (PlanTarget t : targets) {
            c.ids.add(t.id());
            c.byId.putIfAbsent(t.id(), t);
            if (t.name() != null) {
                c.byName.putIfAbsent(nameKey(t.name().zh()), t.id());
                c.byName.putIfAbsent(nameKey(t.name().en()), t.id());
            }
        }
        return c;
    }

    /** @return true when the id is a target of a plan */
    public boolean knows(String id) { return ids.contains(id); }

    /** @return every id, sorted */
    public Set<String> ids() { return ids; }

    /** @return the target with that id (names, units, calibers), or null when only ids are known */
    public PlanTarget target(String id) { return byId.get(id); }

    /**
     * @param name an indicator's name as a person writes it (spaces, full-width characters, the table's
     *             number "25．" or the unit in brackets allowed)
     * @return the id of the target with that name, or null
     */
    public String idOfName(String name) {
        if (name == null) {
            return null;
        }
        String k = nameKey(name);
        String id = byName.get(k);
        if (id == null) {
            // "单位生产总值安全事故死亡率（人/亿元）": the plan's table prints the unit after the name
            String noUnit = nameKey(name.replaceAll("[（(][^（）()]*[）)]\\s*$", ""));
            id = byName.get(noUnit);
        }
        return id;
    }

    /** The longest text compared for a suggestion (ids and names are far shorter). */
    static final int SIMILAR_MAX = 200;

    /** @return the ids whose names are closest to {@code text}, for suggestions (at most {@code n}) */
    public List<String> similar(String text, int n) {
        List<String> out = new ArrayList<>();
        if (text == null || text.length() > SIMILAR_MAX) {
            return out; // no id or name is that long: nothing to suggest, and no time spent comparing
        }
        var lev = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        String k = nameKey(text);
        TreeMap<Integer, List<String>> best = new TreeMap<>();
        for (String id : ids) {
            best.computeIfAbsent(lev.apply(text, id), x -> new ArrayList<>()).add(id);
        }
        for (Map.Entry<String, String> e : byName.entrySet()) {
            best.computeIfAbsent(lev.apply(k, e.getKey()) , x -> new ArrayList<>()).add(e.getValue());
        }
        // a name written short or long: 安全事故死亡率 for 单位生产总值安全事故死亡率
        if (k.length() >= 4) {
            for (Map.Entry<String, String> e : byName.entrySet()) {
                if ((e.getKey().contains(k) || k.contains(e.getKey()) && e.getKey().length() >= 4)
                        && !out.contains(e.getValue()) && out.size() < n) {
                    out.add(e.getValue());
                }
            }
        }
        int limit = Math.max(2, text.length() / 4);
        for (Map.Entry<Integer, List<String>> e : best.entrySet()) {
            if (e.getKey() > limit) {
                break;
            }
            for (String id : e.getValue()) {
                if (!out.contains(id) && out.size() < n) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** Name as compared: NFKC, no spaces, no leading table number ("25．"), lower case. */
    static String nameKey(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        t = t.replaceFirst("^\\d{1,3}[.、．]", "");
        return t.toLowerCase(java.util.Locale.ROOT);
    }
}
