package plancheck.app;

import plancheck.load.RuleSet;
import plancheck.report.Report;

/**
 * A finished check of one region.
 *
 * @param report the report
 * @param rules  the rules with the data of the plan the region was judged against
 */
public record Checked(Report report, RuleSet rules) {}
