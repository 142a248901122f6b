package plancheck.model;

/**
 * A figure whose townships' values add up to the county's (grain output, accidents and deaths, energy use,
 * monitoring sections), from {@code plans/<plan>/townships.yaml}. The rules compare the sum of the townships'
 * values with the county's figure; a difference beyond rounding is a data problem naming both sides.
 *
 * @param id       the figure's id (a catalogue id, or an id townships submit only)
 * @param name     its name in Chinese and English
 * @param unit     the unit the figures are compared in
 * @param county   where the county's figure comes from: {@code indicator} (the county's value of the same
 *                 catalogue id, submitted or derived), {@code accidents} (accident records counted),
 *                 {@code deaths} (deaths of the accident records), {@code energy} (energyUse records in
 *                 tonnes of standard coal), {@code sections} (surface-water monitoring sections with samples)
 * @param exact    true for counts, which must add up exactly; false for measured figures, which may differ
 *                 by the rounding of each figure (half a unit of its last decimal place)
 */
public record AdditiveFigure(String id, Text name, String unit, String county, boolean exact) {}
