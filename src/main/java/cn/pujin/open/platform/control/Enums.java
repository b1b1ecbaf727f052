package cn.pujin.open.platform.control;

import java.util.List;

/** Enum values in query parameters: absent means none, anything unknown is 400 naming the field and the choices. */
public final class Enums {

    private Enums() {}

    public static <E extends Enum<E>> E optional(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field, "validation.enum", List.of(type.getEnumConstants()));
        }
    }
}
