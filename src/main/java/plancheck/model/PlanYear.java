package plancheck.model;

/**
 * A year present in the input. Every table indicator gets exactly one finding for each such year
 * (contract §3).
 *
 * @param year     the calendar year
 * @param baseYear the plan's base year (2025); years up to it are BASELINE years
 * @param targetYear the plan's target year (2030)
 * @param region   the region the submissions are for, e.g. 垫江县
 */
public record PlanYear(int year, int baseYear, int targetYear, String region) {
    /** @return true for years of the plan period (after the base year), which are judged. */
    public boolean judged() { return year > baseYear; }

    /** @return years since the base year: 1 for 2026 … 5 for 2030. */
    public int elapsed() { return year - baseYear; }

    /** @return the plan's length in years: 5 for 2025 → 2030. */
    public int span() { return targetYear - baseYear; }

    /** @return true in the target year (2030), when a target must be reached in full. */
    public boolean finalYear() { return year == targetYear; }
}
