package plancheck.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import plancheck.analyst.Lint;
import plancheck.analyst.ScenarioRunner;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.PlanFolders;

/**
 * The rules the service judges with, as versions kept whole in the store: the server's rules and plans
 * folders as deployed, and analysts' candidate changes. A candidate goes live only when its lint and
 * scenarios passed and an analyst activates it. The active version is materialised once under
 * {@code DATA/rules/v<N>/} (rules/ and plans/ side by side) and compiled once, when it becomes active:
 * every check in between reuses it. Reports name the folder (rules.dir), so {@code plancheck verify}
 * run from the service's working folder re-runs them with exactly those files.
 */
public final class RulesVersions {

    /** The active version, opened. */
    public record Active(RulesVersion version, Workspace workspace, Path root) {
        /** @return the responsible units of the first plan */
        public Responsibilities responsibilities() {
            return Responsibilities.of(workspace.plans().get(0));
        }
    }

    private final RulesStore store;
    private final Path dataDir;
    private volatile Active active;

    /**
     * @param store   the store of versions
     * @param dataDir the service's data folder
     */
    public RulesVersions(RulesStore store, Path dataDir) {
        this.store = store;
        this.dataDir = dataDir;
    }

    /**
     * Stores the deployed folders as a version when they are new (and activates it), else keeps the stored
     * active version; opens the active version (compiling its rules once).
     *
     * @param rulesDir the server's rules folder
     * @param plansDir the server's plans folder
     * @return the active version
     * @throws InputException rules that do not load or compile
     * @throws IOException    folders that cannot be read or written
     */
    public Active start(Path rulesDir, Path plansDir) throws InputException, IOException {
        byte[] archive = archive(rulesDir, plansDir);
        String sha = sha(archive);
        RulesVersion v = store.bySha(sha).orElse(null);
        if (v == null) {
            v = store.insert(0, sha, RulesVersion.DEPLOYED, null, archive, "system", true,
                    "deployed from " + Paths2.display(rulesDir) + " and " + Paths2.display(plansDir),
                    AuditEntry.of("system", "rules-deploy", "rules", sha.substring(0, 12), "local"));
            activateQuietly(v.id());
        } else if (store.activeId() == 0) {
            activateQuietly(v.id());
        }
        long id = store.activeId();
        active = open(store.version(id).orElseThrow());
        return active;
    }

    private void activateQuietly(long id) {
        try {
            store.activate(id, null, AuditEntry.of("system", "rules-activate", "v" + id, "deployed", "local"));
        } catch (StaleRevisionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the active version */
    public Active active() {
        return active;
    }

    /** @return a version's archive (zip of rules/ and plans/) */
    public byte[] archive(long id) {
        return store.archive(id);
    }

    /** @return every version, newest first */
    public List<RulesVersion> versions() {
        return store.versions();
    }

    /** @return a version */
    public java.util.Optional<RulesVersion> version(long id) {
        return store.version(id);
    }

    /**
     * Submits a change (one file added or replaced) on top of the active version as a candidate: lint
     * and the scenarios run on it at once and their result is stored with it.
     *
     * @param path    the file's path, e.g. {@code rules/parameters.yaml} or {@code plans/dianjiang-15th/catalogue/safety.yaml}
     * @param content its new content
     * @param by      the analyst
     * @param address from where
     * @return the candidate
     * @throws InputException a path outside rules/ and plans/, or not a rules file
     * @throws IOException    folders that cannot be written
     */
    public RulesVersion submit(String path, byte[] content, String by, String address) throws InputException, IOException {
        String p = path == null ? "" : path.trim().replace('\\', '/');
        if (!p.matches("(rules|plans)/[A-Za-z0-9_./\\-]{1,200}") || p.contains("..") || p.contains("//")
                || !p.matches(".*\\.(drl|yaml|yml|md)")) {
            throw new InputException(List.of(new InputProblem(plancheck.model.Bounded.cut(p), 0, 0, "",
                    plancheck.i18n.Msg.text("service.rules-path"))));
        }
        Active base = active;
        Map<String, byte[]> files = unzip(store.archive(base.version().id()));
        files.put(p, content);
        byte[] archive = zip(files);
        Path tmp = Files.createTempDirectory(Files.createDirectories(dataDir.resolve("rules")), ".candidate-");
        StringBuilder results = new StringBuilder();
        boolean passed;
        try {
            extract(files, tmp);
            Path r = tmp.resolve("rules");
            Path plan = PlanFolders.list(tmp.resolve("plans")).get(0);
            Lint.Result lint = Lint.run(r, plan);
            lint.problems().stream().limit(50).forEach(x -> results.append("lint: ").append(x).append('\n'));
            results.append("lint: ").append(lint.clean() ? "clean" : lint.problems().size() + " problem(s)").append('\n');
            ScenarioRunner.Result test = ScenarioRunner.run(r, plan, ScenarioRunner.scenarioFiles(r));
            long failed = test.outcomes().stream().filter(o -> !o.ok()).count();
            test.problems().stream().limit(50).forEach(x -> results.append("test: ").append(x).append('\n'));
            test.outcomes().stream().filter(o -> !o.ok()).limit(50).forEach(o -> results.append("test: FAIL ")
                    .append(o.name()).append(" (").append(o.file()).append(':').append(o.line()).append(")\n"));
            test.uncovered().stream().limit(50).forEach(u -> results.append("test: rule fired in no scenario: ")
                    .append(u.name()).append('\n'));
            results.append("test: ").append(test.outcomes().size()).append(" scenario(s), ").append(failed)
                    .append(" failed, ").append(test.uncovered().size()).append(" rule(s) not covered\n");
            passed = lint.clean() && test.ok();
        } catch (RuntimeException e) {
            results.append("the candidate cannot be checked: ").append(plancheck.model.Bounded.cut(String.valueOf(e.getMessage())))
                    .append('\n');
            passed = false;
        } finally {
            deleteTree(tmp);
        }
        String res = results.length() > 20000 ? results.substring(0, 20000) + "…" : results.toString();
        return store.insert(base.version().id(), sha(archive), RulesVersion.CANDIDATE, p, archive, by, passed, res,
                AuditEntry.of(by, "rules-submit", p, passed ? "passed" : "failed", address));
    }

    /**
     * Activates a candidate that passed: its rules are compiled now, then every check uses them.
     *
     * @param id       the version
     * @param expected the version the analyst saw active (null: no check)
     * @throws InputException         a version that did not pass, or rules that do not load
     * @throws StaleRevisionException another version was activated meanwhile
     */
    public synchronized Active activate(long id, Long expected, String by, String address)
            throws InputException, StaleRevisionException, IOException {
        RulesVersion v = store.version(id).orElseThrow(() -> new InputException(List.of(new InputProblem("v" + id, 0, 0,
                "", plancheck.i18n.Msg.text("service.rules-no-version", "id", id)))));
        if (!v.passed()) {
            throw new InputException(List.of(new InputProblem(v.label(), 0, 0, "",
                    plancheck.i18n.Msg.text("service.rules-not-passed", "id", id))));
        }
        Active opened = open(v);
        store.activate(id, expected, AuditEntry.of(by, "rules-activate", v.label(), v.sha256().substring(0, 12), address));
        active = opened;
        return opened;
    }

    private Active open(RulesVersion v) throws InputException, IOException {
        Path root = dataDir.resolve("rules").resolve(v.label());
        if (!Files.isDirectory(root)) {
            Path tmp = Files.createTempDirectory(Files.createDirectories(dataDir.resolve("rules")), ".v-");
            extract(unzip(store.archive(v.id())), tmp);
            try {
                Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteTree(tmp);
                if (!Files.isDirectory(root)) {
                    throw e;
                }
            }
        }
        return new Active(v, Workspace.open(root.resolve("rules"), root.resolve("plans")), root);
    }

    /** @return a zip of the rules folder (as rules/…) and the plans folder (as plans/…), entries sorted */
    static byte[] archive(Path rulesDir, Path plansDir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        collect(rulesDir, "rules/", files);
        collect(plansDir, "plans/", files);
        return zip(files);
    }

    private static void collect(Path dir, String prefix, Map<String, byte[]> into) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (java.util.Arrays.stream(rel.split("/")).anyMatch(seg -> seg.startsWith("."))) {
                    continue;
                }
                into.put(prefix + rel, Files.readAllBytes(f));
            }
        }
    }

    /** SHA-256 over the sorted (path, file SHA-256) pairs of an archive. */
    static String sha(byte[] archive) {
        StringBuilder b = new StringBuilder();
        unzip(archive).forEach((k, v) -> b.append(k).append('\0').append(Paths2.sha256(v)).append('\n'));
        return Paths2.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(0);
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] archive) {
        Map<String, byte[]> m = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    m.put(e.getName(), z.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static void extract(Map<String, byte[]> files, Path to) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = to.resolve(e.getKey()).normalize();
            if (!f.startsWith(to)) {
                throw new IOException("entry outside the folder: " + e.getKey());
            }
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
    }

    /** Deletes a folder and everything in it (temporary folders of the service and its benchmark). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
