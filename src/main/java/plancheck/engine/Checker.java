package plancheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Merger;
import plancheck.load.PlanMonitoring;
import plancheck.load.RuleSet;
import plancheck.load.Submission;
import plancheck.model.Observation;
import plancheck.model.PlanYear;
import plancheck.model.Records;

/**
 * One check: the submissions' facts (catalogue targets, parameters, the years present, merged
 * observations and detailed records) fired against the compiled rules.
 */
public final class Checker {
    private Checker() {}

    private static boolean finalHas(List<Submission> subs, int year,
                                    java.util.function.Function<Submission, List<?>> kind) {
        return subs.stream().anyMatch(s -> s.year() == year && !"preliminary".equals(s.stage())
                && !kind.apply(s).isEmpty());
    }

    /** What a check produced: the region, the years present and the rules' outcome. */
    public record Result(String region, List<Integer> years, RuleEngine.Outcome outcome) {}

    /**
     * @param engine      the compiled rules
     * @param submissions validated submissions (at least one) of one region and of its townships (the plan's
     *                    townships.yaml)
     * @return the findings and firings
     * @throws InputException when the submissions are for different regions
     * @throws RuleDefectException when the rules misbehave
     */
    public static Result check(RuleEngine engine, List<Submission> submissions)
            throws InputException, RuleDefectException {
        return check(engine, submissions, null);
    }

    /**
     * @param engine      the compiled rules
     * @param submissions validated submissions (at least one) of one region and of its townships
     * @param air         daily air records reduced while they were read (the submissions' lists then
     *                    empty), or null: the submissions' own lists are reduced here
     * @return the findings and firings
     * @throws InputException when the submissions are for different regions
     * @throws RuleDefectException when the rules misbehave
     */
    public static Result check(RuleEngine engine, List<Submission> submissions, AirReduction air)
            throws InputException, RuleDefectException {
        RuleSet rules = engine.rules();
        // A township's submissions are judged for its assigned targets and reconciled with the county's figures
        // (rules/townships): their values enter as TownshipValue facts, never as the county's observations.
        PlanMonitoring.Townships towns = PlanMonitoring.townships(rules);
        List<Submission> townships = submissions.stream().filter(s -> towns.named(s.region()) != null).toList();
        submissions = submissions.stream().filter(s -> towns.named(s.region()) == null).toList();
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Submission s : submissions) {
            regions.add(s.region());
            years.add(s.year());
        }
        townships.forEach(s -> years.add(s.year()));
        if (regions.isEmpty() && towns.county() != null) {
            regions.add(towns.county());
        }
        if (regions.size() > 1) {
            List<InputProblem> p = new ArrayList<>();
            for (Submission s : submissions) {
                p.add(new InputProblem(s.file(), 0, 0, "/region", plancheck.i18n.Msg.text("engine.regions-differ",
                        "regions", plancheck.model.Bounded.cut(regions.toString(), 200))));
            }
            throw new InputException(p);
        }
        String region = regions.first();
        List<Object> facts = new ArrayList<>(rules.targets());
        facts.addAll(rules.parameters().values());
        facts.addAll(PlanMonitoring.annualTargets(rules));
        facts.addAll(towns.townships());
        facts.addAll(towns.figures());
        facts.addAll(towns.targets());
        facts.addAll(PlanMonitoring.townshipValues(townships, rules, towns));
        for (int y : years) {
            facts.add(new PlanYear(y, rules.baseYear(), rules.targetYear(), region));
        }
        List<Observation> obs = Merger.merge(submissions, rules);
        facts.addAll(obs);
        // Records as for indicators: where a final submission of a year carries records of a kind, the
        // preliminary submissions' records of that kind and year are superseded.
        // Water samples and accident records are grouped here, one fact per section-year and per
        // accident-year: the rules never hold every record as a fact of their own.
        java.util.Map<String, List<Records.WaterSample>> sections = new java.util.TreeMap<>();
        java.util.Map<String, List<Records.Accident>> accidents = new java.util.TreeMap<>();
        for (Submission s : submissions) {
            boolean pre = "preliminary".equals(s.stage());
            if (!pre || !finalHas(submissions, s.year(), Submission::water)) {
                for (Records.WaterSample w : s.water()) {
                    sections.computeIfAbsent(w.year() + "\u0000" + w.section(), k -> new ArrayList<>()).add(w);
                }
            }
            if (!pre || !finalHas(submissions, s.year(), Submission::accidents)) {
                for (Records.Accident a : s.accidents()) {
                    accidents.computeIfAbsent(a.year() + "\u0000" + a.id(), k -> new ArrayList<>()).add(a);
                }
            }
            if (!pre || !finalHas(submissions, s.year(), Submission::energy)) facts.addAll(s.energy());
            if (!pre || !finalHas(submissions, s.year(), Submission::crops)) facts.addAll(s.crops());
        }
        for (List<Records.WaterSample> l : sections.values()) {
            l.sort(java.util.Comparator.comparing(Records.WaterSample::evidence));
            facts.add(new Records.SectionSamples(l.get(0).year(), l.get(0).section(), List.copyOf(l)));
        }
        for (List<Records.Accident> l : accidents.values()) {
            l.sort(java.util.Comparator.comparing(Records.Accident::evidence));
            facts.add(new Records.AccidentRecords(l.get(0).year(), l.get(0).id(), List.copyOf(l)));
        }
        // Daily air records are reduced (each day judged under its tables, the region's daily values, the
        // counts) into one fact per station-year and one per region-year; the reduction chooses the stage.
        if (air == null && engine.standards() != null && submissions.stream().anyMatch(s -> !s.air().isEmpty())) {
            air = reduce(engine, submissions);
        }
        if (air != null) {
            facts.addAll(air.years(region));
        }
        Emit out = new Emit(rules.messages());
        return new Result(region, List.copyOf(years), engine.fire(facts, out));
    }

    /** Submissions' own air records reduced, in evidence order, the background stations known first. */
    private static AirReduction reduce(RuleEngine engine, List<Submission> submissions) {
        plancheck.standards.AirQualityIndex ref = engine.standards().airOn(Standards.yearEnd(engine.rules().baseYear()));
        List<Object[]> days = new ArrayList<>();
        for (Submission s : submissions) {
            for (Records.AirDay d : s.air()) {
                days.add(new Object[] {d, s.stage(), s.region()});
            }
        }
        days.sort(java.util.Comparator.comparing(o -> ((Records.AirDay) o[0]).evidence()));
        AirReduction first = new AirReduction(engine.standards().tables(), r -> ref, java.util.Set.of());
        for (Object[] o : days) {
            first.add((Records.AirDay) o[0], (String) o[1], (String) o[2]);
        }
        if (!first.lateBackground()) {
            return first;
        }
        AirReduction again = new AirReduction(engine.standards().tables(), r -> ref, first.background());
        for (Object[] o : days) {
            again.add((Records.AirDay) o[0], (String) o[1], (String) o[2]);
        }
        return again;
    }
}
