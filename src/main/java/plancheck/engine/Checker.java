package plancheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Merger;
import plancheck.load.RuleSet;
import plancheck.load.Submission;
import plancheck.model.Observation;
import plancheck.model.PlanYear;

/**
 * One check: the submissions' facts (catalogue targets, parameters, the years present, merged
 * observations and detailed records) fired against the compiled rules.
 */
public final class Checker {
    private Checker() {}

    /** What a check produced: the region, the years present and the rules' outcome. */
    public record Result(String region, List<Integer> years, RuleEngine.Outcome outcome) {}

    /**
     * @param engine      the compiled rules
     * @param submissions validated submissions (at least one)
     * @return the findings and firings
     * @throws InputException when the submissions are for different regions
     * @throws RuleDefectException when the rules misbehave
     */
    public static Result check(RuleEngine engine, List<Submission> submissions)
            throws InputException, RuleDefectException {
        RuleSet rules = engine.rules();
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Submission s : submissions) {
            regions.add(s.region());
            years.add(s.year());
        }
        if (regions.size() > 1) {
            List<InputProblem> p = new ArrayList<>();
            for (Submission s : submissions) {
                p.add(new InputProblem(s.file(), 0, 0, "/region", "submissions are for different regions "
                        + regions + "; check one region at a time"));
            }
            throw new InputException(p);
        }
        String region = regions.first();
        List<Object> facts = new ArrayList<>(rules.targets());
        facts.addAll(rules.parameters().values());
        for (int y : years) {
            facts.add(new PlanYear(y, rules.baseYear(), rules.targetYear(), region));
        }
        List<Observation> obs = Merger.merge(submissions, rules);
        facts.addAll(obs);
        for (Submission s : submissions) {
            facts.addAll(s.water());
            facts.addAll(s.air());
            facts.addAll(s.accidents());
            facts.addAll(s.energy());
            facts.addAll(s.crops());
        }
        Emit out = new Emit(rules.messages());
        return new Result(region, List.copyOf(years), engine.fire(facts, out));
    }
}
