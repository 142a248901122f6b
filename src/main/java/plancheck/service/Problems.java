package plancheck.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import plancheck.load.InputProblem;

/**
 * An HTTP error with what went wrong, rendered as {@code application/problem+json} (RFC 9457, with a
 * {@code problems} list) for the API and as a page for browsers.
 */
final class Problems extends RuntimeException {
    final int status;
    final String titleKey;
    final transient List<InputProblem> problems;
    final transient Map<String, String> headers = new LinkedHashMap<>();
    final transient Object[] args;

    Problems(int status, String titleKey, List<InputProblem> problems, Object... args) {
        super(titleKey, null, false, false);
        this.status = status;
        this.titleKey = titleKey;
        this.problems = problems == null ? List.of() : List.copyOf(problems.subList(0, Math.min(problems.size(), 200)));
        this.args = args;
    }

    static Problems of(int status, String titleKey, Object... args) {
        return new Problems(status, titleKey, List.of(), args);
    }

    Problems header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    String title(String lang) {
        return plancheck.i18n.Msg.get(lang, titleKey, args);
    }

    Map<String, Object> json(String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", title(lang));
        m.put("status", status);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (InputProblem p : problems) {
            ps.add(problem(p, lang));
        }
        m.put("problems", ps);
        return m;
    }

    static Map<String, Object> problem(InputProblem p, String lang) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("file", p.file());
        if (p.line() > 0) {
            x.put("line", p.line());
            x.put("column", p.column());
        }
        x.put("pointer", p.pointer());
        x.put("message", p.text().in(lang));
        x.put("text", p.format(lang));
        return x;
    }
}
