package plancheck.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The county units of a plan (责任单位) and how a name given by a person or a file is matched to one:
 * by id, short name, full name or alias, after the county's name, spaces and any remark in brackets
 * are removed ("垫江县应急管理局（示例数据）" is 应急管理局, the safety bureau). A submitter naming two
 * units ("住房和城乡建设委员会、城市管理局") matches both.
 */
public final class Bureaus {

    private final Map<String, Bureau> byId = new LinkedHashMap<>();
    private final Map<String, String> byName = new LinkedHashMap<>();
    private final List<String> prefixes;

    /**
     * @param bureaus  the units, in the order reports list them
     * @param prefixes the names of the region a unit's name may start with (垫江县, 县)
     */
    public Bureaus(List<Bureau> bureaus, List<String> prefixes) {
        List<String> p = new ArrayList<>(prefixes);
        p.add("县");
        p.sort((a, b) -> Integer.compare(b.length(), a.length()));
        this.prefixes = List.copyOf(p);
        for (Bureau b : bureaus) {
            byId.put(b.id(), b);
            byName.put(key(b.id()), b.id());
            for (String n : concat(List.of(b.name().zh(), b.name().en(), b.fullName()), b.aliases())) {
                if (n != null) {
                    byName.putIfAbsent(key(n), b.id());
                }
            }
        }
    }

    /** @return no units at all (a plan folder without responsible-units.yaml) */
    public static Bureaus none() {
        return new Bureaus(List.of(), List.of());
    }

    /** @return every unit, in file order */
    public List<Bureau> all() { return List.copyOf(byId.values()); }

    /** @return the unit with that id, or null */
    public Bureau get(String id) { return id == null ? null : byId.get(id); }

    /** @return true when there are no units */
    public boolean isEmpty() { return byId.isEmpty(); }

    /**
     * @param name an id, a name, a full name or an alias, as a person or a submission writes it
     * @return the unit it names, if exactly one
     */
    public Optional<Bureau> find(String name) {
        List<Bureau> m = match(name);
        return m.size() == 1 ? Optional.of(m.get(0)) : Optional.empty();
    }

    /**
     * @param submitter a submission's {@code submitter} (may name several units, joined by 、 , ; or 和)
     * @return every unit it names, in the order written; empty when none is recognised
     */
    public List<Bureau> match(String submitter) {
        List<Bureau> out = new ArrayList<>();
        if (submitter == null) {
            return out;
        }
        String whole = strip(submitter);
        String id = byName.get(key(whole));
        if (id != null) {
            out.add(byId.get(id));
            return out;
        }
        for (String part : whole.split("[、,，;；/]")) {
            String k = key(strip(part));
            String i = byName.get(k);
            if (i == null) {
                // "垫江县文化和旅游发展委员会" with 体育局 written after it: try the longest known name inside
                i = contained(k);
            }
            if (i != null && !out.contains(byId.get(i))) {
                out.add(byId.get(i));
            }
        }
        return out;
    }

    private String contained(String k) {
        String best = null;
        int len = 0;
        for (Map.Entry<String, String> e : byName.entrySet()) {
            if (e.getKey().length() >= 3 && k.contains(e.getKey()) && e.getKey().length() > len) {
                best = e.getValue();
                len = e.getKey().length();
            }
        }
        return best;
    }

    /** Removes remarks in brackets and the region's name in front. */
    private String strip(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        t = t.replaceAll("\\([^()]*\\)", "").replaceAll("【[^【】]*】", "");
        return t;
    }

    private String key(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        for (String p : prefixes) {
            if (t.startsWith(p) && t.length() > p.length() + 1) {
                t = t.substring(p.length());
                break;
            }
        }
        return t;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
