package plancheck.model;

import java.util.List;

/**
 * A county unit targets are assigned to (责任单位), from the plan folder's {@code responsible-units.yaml}.
 *
 * @param id       e.g. {@code safety}
 * @param name     the short name in Chinese and English (县应急管理局 / County Emergency Management Bureau)
 * @param fullName the full name it signs with (垫江县应急管理局)
 * @param aliases  other names it goes by (应急管理局, 应急局 …)
 * @param records  the record lists it files: {@code accidents}, {@code waterSamples}, {@code airDaily},
 *                 {@code energyUse}, {@code cropOutput}
 */
public record Bureau(String id, Text name, String fullName, List<String> aliases, List<String> records) {

    /** Null lists become empty ones. */
    public Bureau {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        records = records == null ? List.of() : List.copyOf(records);
    }
}
