package plancheck.analyst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

import plancheck.load.InputProblem;
import plancheck.load.Paths2;

/**
 * Every rule of every {@code *.drl} under a rules folder, parsed (not compiled) for its name, file, line
 * and metadata ({@code @kind}, {@code @source}, …), so that analysts' commands can say where a rule is.
 */
public final class DrlRules {
    private DrlRules() {}

    /**
     * One rule as written.
     *
     * @param name the rule's name
     * @param file the DRL file (display path, relative to the working folder)
     * @param line the line of {@code rule "name"}
     * @param meta metadata without quotes, sorted by key (kind, source, …)
     */
    public record Rule(String name, String file, int line, Map<String, String> meta) {
        /** @return "file:line" */
        public String where() { return file + ":" + line; }
    }

    /**
     * The rules and the parse problems of a folder.
     *
     * @param rules    every rule, by file then line
     * @param problems files that do not parse (file, line, column, message)
     * @param sources  DRL text by display path, sorted
     */
    public record Parsed(List<Rule> rules, List<InputProblem> problems, Map<String, String> sources) {}

    /**
     * @param dir the rules folder (every {@code *.drl} under it, any depth, hidden files skipped)
     * @return the rules and problems
     * @throws IOException when a file cannot be read
     */
    public static Parsed parse(Path dir) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> sources = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".drl"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path f : files) {
            String disp = Paths2.display(f);
            String text = plancheck.load.RulesLoader.utf8(disp, Files.readAllBytes(f), problems);
            if (text == null) {
                continue;
            }
            sources.put(disp, text);
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (Exception e) {
                problems.add(new InputProblem(disp, 0, 0, "", plancheck.i18n.Msg.text("analyst.drl-parse", "detail", String.valueOf(e.getMessage()))));
                continue;
            }
            if (parser.hasErrors()) {
                for (DroolsError e : parser.getErrors()) {
                    int line = e instanceof ParserError pe ? pe.getRow() : 0;
                    int col = e instanceof ParserError pe ? pe.getCol() : 0;
                    problems.add(new InputProblem(disp, line, col, "", plancheck.i18n.Msg.text("analyst.drl-parse", "detail", String.valueOf(e.getMessage()))));
                }
            }
            if (pkg == null) {
                continue;
            }
            for (RuleDescr r : pkg.getRules()) {
                Map<String, String> meta = new TreeMap<>();
                for (AnnotationDescr a : r.getAnnotations()) {
                    Object v = a.getSingleValueStripped();
                    meta.put(a.getName(), v == null ? "" : AnnotationDescr.unquote(String.valueOf(v)));
                }
                rules.add(new Rule(r.getName(), disp, r.getLine(), meta));
            }
        }
        return new Parsed(rules, problems, sources);
    }
}
