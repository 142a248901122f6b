package plancheck.cli;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Option;

import plancheck.load.InputException;
import plancheck.load.PlanFolders;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;

/**
 * {@code --rules DIR} and {@code --plan DIR}, shared by the commands that read one plan: the rules
 * that judge any plan, and the plan whose data they judge (default: the one plan of the plans folder
 * beside the rules folder, or the rules folder itself when it also holds a plan).
 */
public final class RulesOptions {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "rules folder: DRL, standards, units (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--plan", paramLabel = "DIR",
            description = "plan folder: plan.yaml, catalogue/, parameters.yaml (default: the plan in plans/ beside the rules folder)")
    Path plan;

    /** @return the rules folder */
    public Path rules() {
        return rules;
    }

    /** @return the plan folder chosen (the default one when none was given) */
    public Path planDir() throws InputException, IOException {
        return PlanFolders.planFor(rules, plan);
    }

    /** @return the plan folder given with --plan, or null */
    public Path planOption() {
        return plan;
    }

    /** @return the rules with the plan's data */
    public RuleSet load() throws InputException, IOException {
        return RulesLoader.load(rules, planDir());
    }
}
