package plancheck.model;

/**
 * A township or street (乡镇、街道) of a county, from {@code plans/<plan>/townships.yaml}: the plan's targets are
 * “分解落实到各乡镇（街道）” (第五十三章第三节). Its submissions give {@code region} = {@link #name()}.
 *
 * @param name   the name as submissions write it, e.g. 桂溪街道
 * @param county the county it belongs to, e.g. 垫江县
 * @param kind   街道, 镇 or 乡
 * @param order  its place in the plan's list (0 first): reports and messages follow the list
 */
public record Township(String name, String county, String kind, int order) {}
