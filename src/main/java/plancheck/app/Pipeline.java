package plancheck.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import plancheck.engine.RuleDefectException;
import plancheck.engine.RuleEngine;
import plancheck.load.InputException;

/**
 * The main job as one call, for callers that check once: open a {@link Workspace} on the rules folder
 * (and the plans beside it) and check the submissions. Nothing is written here.
 */
public final class Pipeline {
    private Pipeline() {}

    /**
     * @param rulesDir the rules folder (the plans folder beside it is used)
     * @param paths    submission files or folders
     * @return the report
     * @throws InputException      bad submissions or rules that do not load or compile (exit 2)
     * @throws RuleDefectException rules that misbehave at run time (exit 2)
     * @throws IOException         unreadable files
     */
    public static Checked check(Path rulesDir, List<Path> paths)
            throws InputException, RuleDefectException, IOException {
        return Workspace.open(rulesDir, null).check(paths);
    }

    /** The same with rules already compiled: the submissions are judged against the engine's plan. */
    public static Checked check(RuleEngine engine, List<Path> paths)
            throws InputException, RuleDefectException, IOException {
        return Workspace.of(engine).check(paths);
    }
}
