package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/** The schemas {@code /openapi} names are the ones it has: every record and enum a body refers to is described. */
class OpenApiDocumentTest {

    private static final Set<String> NAMED = names();

    @Test
    void everyRecordAndEnumInABodyHasItsSchema() {
        for (Class<? extends Record> type : OpenApiDocument.RECORDS) {
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> referred = c.getGenericType() instanceof ParameterizedType list
                        ? (Class<?>) list.getActualTypeArguments()[0]
                        : c.getType();
                if (referred.isEnum() || referred.isRecord()) {
                    assertTrue(
                            NAMED.contains(SchemaNames.of(referred)),
                            type.getSimpleName() + "." + c.getName() + ": no schema " + SchemaNames.of(referred));
                }
            }
        }
    }

    @Test
    void everyReferenceOnAComponentNamesASchema() {
        for (Class<? extends Record> type : OpenApiDocument.RECORDS) {
            for (RecordComponent c : type.getRecordComponents()) {
                Schema schema = c.getAccessor().getAnnotation(Schema.class);
                if (schema != null && !schema.ref().isEmpty()) {
                    assertTrue(
                            NAMED.contains(schema.ref()),
                            type.getSimpleName() + "." + c.getName() + ": no schema " + schema.ref());
                }
            }
        }
    }

    /**
     * Payara 6's scanner takes every annotated method whose lower-cased name contains "set" for a setter and reads its
     * first parameter: an annotated accessor such as {@code clientCertificateSet()} made {@code /openapi} answer 500.
     */
    @Test
    void noAnnotatedAccessorLooksLikeASetterToPayara() {
        for (Class<? extends Record> type : OpenApiDocument.RECORDS) {
            for (RecordComponent c : type.getRecordComponents()) {
                boolean annotated = c.getAccessor().getAnnotation(Schema.class) != null;
                assertTrue(
                        !annotated || !c.getName().toLowerCase().contains("set"),
                        type.getSimpleName() + "." + c.getName() + ": @Schema on a name with \"set\"");
            }
        }
    }

    @Test
    void schemaNamesAreUnique() {
        List<String> names =
                OpenApiDocument.RECORDS.stream().map(SchemaNames::of).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
    }

    @Test
    void enumsCarryTheirWireValues() {
        assertEquals(
                List.of("new_user", "password_reset", "admin_notification", "content_delivery"),
                OpenApiDocument.ENUMS.get("Category"));
        assertEquals(List.of("TLSv1_2", "TLSv1_3", "TLSv1_2_OR_NEWER"), OpenApiDocument.ENUMS.get("TlsVersion"));
        assertTrue(OpenApiDocument.ENUMS.get("Stage").contains("mail_from"));
    }

    @Test
    void jsonNamesAreSnakeCase() {
        assertEquals("content_base64", JsonRecords.jsonName("contentBase64"));
        assertEquals("is_valid", JsonRecords.jsonName("isValid"));
        assertEquals("to", JsonRecords.jsonName("to"));
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(OpenApiDocument.ENUMS.keySet());
        OpenApiDocument.RECORDS.stream().map(SchemaNames::of).forEach(names::add);
        return names;
    }
}
