package plancheck.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where plans are: a plan folder holds {@code plan.yaml} (with the regions it covers), {@code
 * catalogue/}, {@code parameters.yaml} and {@code inventory/}; a plans folder holds plan folders
 * ({@code plans/dianjiang-15th/}). By default the plans folder is {@code plans} beside the rules folder.
 */
public final class PlanFolders {
    private PlanFolders() {}

    /** @return the plans folder beside a rules folder ({@code rules} → {@code plans}). */
    public static Path besideRules(Path rulesDir) {
        Path parent = rulesDir.normalize().getParent();
        return parent == null ? Path.of("plans") : parent.resolve("plans");
    }

    /** @return true when the folder is a plan folder (holds plan.yaml). */
    public static boolean isPlan(Path dir) {
        return Files.isRegularFile(dir.resolve("plan.yaml"));
    }

    /**
     * @param plans a plan folder, or a folder of plan folders
     * @return the plan folders it holds, sorted (the folder itself when it is one)
     * @throws IOException when it cannot be listed
     */
    public static List<Path> list(Path plans) throws IOException {
        if (isPlan(plans)) {
            return List.of(plans);
        }
        if (!Files.isDirectory(plans)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(plans)) {
            s.filter(Files::isDirectory).filter(PlanFolders::isPlan).sorted().forEach(out::add);
        }
        return out;
    }

    /**
     * The one plan that goes with a rules folder when a command judges a single plan.
     *
     * @param rulesDir the rules folder
     * @param plans    the plan or plans folder given by the user, or null for the default
     * @return the rules folder itself when it also holds a plan; else the one plan of {@code plans}
     * @throws InputException when there is no plan, or several and none was chosen
     * @throws IOException    when a folder cannot be listed
     */
    public static Path planFor(Path rulesDir, Path plans) throws InputException, IOException {
        if (plans == null && isPlan(rulesDir)) {
            return rulesDir;
        }
        if (plans == null && !Files.isDirectory(rulesDir)) { // the plans are looked for beside it: name the real cause
            throw new InputException(List.of(new InputProblem(Paths2.display(rulesDir), 0, 0, "",
                    RulesLoader.folderProblem(rulesDir, true))));
        }
        Path where = plans == null ? besideRules(rulesDir) : plans;
        List<Path> found = list(where);
        if (found.size() == 1) {
            return found.get(0);
        }
        String shown = Paths2.display(where);
        if (found.isEmpty()) {
            throw new InputException(List.of(new InputProblem(shown, 0, 0, "", plancheck.i18n.Msg.text("files.no-plan"))));
        }
        throw new InputException(List.of(new InputProblem(shown, 0, 0, "", plancheck.i18n.Msg.text("files.several-plans",
                "count", found.size(), "names", String.join(", ", found.stream().limit(5)
                        .map(p -> p.getFileName().toString()).toList()) + (found.size() > 5 ? ", …" : "")))));
    }
}
