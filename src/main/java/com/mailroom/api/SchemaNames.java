package com.mailroom.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The name of a type's schema in {@code /openapi}: its {@code @Schema(name)}, else its simple name. */
final class SchemaNames {

    private SchemaNames() {}

    static String of(Class<?> type) {
        Schema annotation = type.getAnnotation(Schema.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : type.getSimpleName();
    }
}
