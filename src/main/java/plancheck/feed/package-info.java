/**
 * The national real-time air-quality publication as plancheck reads it: the hourly CSV of the China
 * National Environmental Monitoring Centre (CNEMC, one row per station and hour, as archived in
 * {@code data/cnemc/}), turned into official days (HJ 663: the hours labelled 01:00 … 24:00) and
 * written as a {@code plancheck-facts/1} submission whose every day keeps the published rows it was
 * built from. Read by {@code plancheck import cnemc} and {@code plancheck bench cnemc}; see
 * docs/air.md.
 */
package plancheck.feed;
