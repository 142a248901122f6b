/**
 * Analysts' tools behind {@code plancheck rules lint|test|list}: the lint of a rules folder
 * ({@link plancheck.analyst.Lint}), the scenario runner ({@link plancheck.analyst.ScenarioRunner}, format in
 * docs/scenarios.md), and the listing of targets and rules ({@link plancheck.analyst.RuleList}).
 */
package plancheck.analyst;
