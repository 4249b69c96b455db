package com.mailroom.api;

import static com.mailroom.api.Bodies.fields;
import static com.mailroom.api.Bodies.invalid;
import static com.mailroom.api.Bodies.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.api.ErrorBody.Field;
import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import jakarta.annotation.Nullable;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRecordsTest {

    public record Sample(
            String s,
            Integer n,
            Long l,
            Boolean b,
            TlsMode c,
            TlsVersion tlsVersion,
            @Nullable TlsMode maybe,
            @JsonRecords.MustBe("field.mustBe.addresses") List<String> to,
            List<String> tags,
            List<Part> parts,
            byte[] content) {}

    public record Part(String name, int size) {}

    public record Names(String clientSecret, String contentBase64, String trustedCaPem, String a) {}

    private static Sample bind(String body) {
        return JsonRecords.bind(json(body), Sample.class);
    }

    private static List<Field> refused(String body) {
        return invalid(() -> bind(body));
    }

    @Test
    void absentFieldsAreUnsetAndLeftOut() {
        assertEquals(Json.createObjectBuilder().build(), JsonRecords.check(json("{}"), Sample.class));
        Sample s = bind("{}");
        assertNull(s.s());
        assertNull(s.n());
        assertNull(s.b());
        assertNull(s.to());
        assertEquals(0, bind("{'parts': [{}]}").parts().get(0).size());
    }

    @Test
    void nullIsKeptForStringsNumbersAndListsSoThatItCanClear() {
        var checked = JsonRecords.check(
                json("{'s': null, 'n': null, 'l': null, 'to': null, 'parts': null, 'maybe': null}"), Sample.class);
        assertEquals(Set.of("s", "n", "l", "to", "parts", "maybe"), checked.keySet());
        checked.values().forEach(v -> assertEquals(JsonValue.NULL, v));
        Sample s = bind("{'s': null, 'n': null, 'l': null}");
        assertNull(s.s());
        assertNull(s.n());
        assertNull(s.l());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483647", "-2147483648", "0", "587", "5.87e2", "587E0"})
    void wholeNumbersWithinIntAreIntegers(String number) {
        assertEquals(
                new BigDecimal(number).intValueExact(),
                bind("{'n': " + number + "}").n());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2147483648",
                "-2147483649",
                "1e20",
                "1e400",
                "1e-400",
                "587.5",
                "0.1",
                "-0.5",
                "1E+1000000",
                "123456789012345678901234567890",
                "'587'",
                "true",
                "[1]"
            })
    void otherNumbersAreNotIntegers(String number) {
        assertEquals(List.of(new Field("n", "Must be a whole number.")), refused("{'n': " + number + "}"));
    }

    @Test
    void longsAcceptTheWholeLongRangeOnly() {
        assertEquals(Long.MAX_VALUE, bind("{'l': 9223372036854775807}").l());
        assertEquals(List.of("l"), fields(refused("{'l': 9223372036854775808}")));
    }

    @Test
    void booleansAreOnlyTrueAndFalse() {
        assertEquals(true, bind("{'b': true}").b());
        assertEquals(false, bind("{'b': false}").b());
        for (String wrong : List.of("'true'", "1", "null", "'false'", "[]")) {
            assertEquals(List.of(new Field("b", "Must be true or false.")), refused("{'b': " + wrong + "}"), wrong);
        }
    }

    @Test
    void enumsAreReadInAnyCaseAndRefusedNamingTheAllowedValuesOrTheReason() {
        assertEquals(TlsMode.STARTTLS, bind("{'c': 'StartTLS'}").c());
        assertEquals(TlsVersion.TLSv1_2, bind("{'tls_version': 'tlsv1.2'}").tlsVersion());
        for (String wrong : List.of("'z'", "''", "1", "null", "{}")) {
            assertEquals(
                    List.of(new Field("c", "Must be one of none, starttls, implicit.")),
                    refused("{'c': " + wrong + "}"));
        }
        List<Field> old = refused("{'tls_version': 'TLSv1_1'}");
        assertEquals(List.of("tls_version"), fields(old));
        assertTrue(
                old.get(0).message().startsWith("TLSv1_1 is refused: TLS 1.1 and older are insecure"),
                old.get(0).message());
    }

    @Test
    void nullableEnumsTakeNull() {
        assertNull(bind("{'maybe': null}").maybe());
        assertEquals(TlsMode.NONE, bind("{'maybe': 'none'}").maybe());
        assertEquals(List.of("maybe"), fields(refused("{'maybe': 'z'}")));
    }

    @Test
    void listsOfStringsTakeASingleStringAsAListOfOne() {
        assertEquals(List.of("a@example.com"), bind("{'to': 'a@example.com'}").to());
        assertEquals(List.of("a", "b"), bind("{'to': ['a', 'b']}").to());
        assertEquals(List.of(), bind("{'to': []}").to());
        for (String wrong : List.of("[1]", "['a', null]", "{}", "1", "[['a']]")) {
            assertEquals(
                    List.of(new Field("to", "Must be a list of e-mail addresses.")), refused("{'to': " + wrong + "}"));
            assertEquals(List.of(new Field("tags", "Must be a list of tags.")), refused("{'tags': " + wrong + "}"));
        }
    }

    @Test
    void listsOfRecordsAreCheckedItemByItemAndNamedByIndex() {
        Sample s = bind("{'parts': [{'name': 'a', 'size': 1}, {'name': 'b'}]}");
        assertEquals(List.of(new Part("a", 1), new Part("b", 0)), s.parts());
        assertEquals(List.of(new Field("parts", "Must be a list of parts.")), refused("{'parts': {'name': 'a'}}"));
        List<Field> errors = refused("{'parts': [{'name': 1}, 'x', {'size': 'big', 'zz': 0, 'evil\\r\\n': 1}, null]}");
        assertEquals(
                List.of(
                        new Field("parts[0].name", "Must be a string."),
                        new Field("parts[1]", "Must be an object with name and size."),
                        new Field("parts[2].evil??", "Unknown field."),
                        new Field("parts[2].zz", "Unknown field."),
                        new Field("parts[2].size", "Must be a whole number."),
                        new Field("parts[3]", "Must be an object with name and size.")),
                errors);
    }

    @Test
    void bytesAreBase64WithLineBreaksAllowed() {
        assertArrayEquals(
                "hello".getBytes(), bind("{'content': 'aGVs\\r\\nbG8='}").content());
        assertArrayEquals("hello".getBytes(), bind("{'content': 'aGVsbG8'}").content());
        assertEquals(List.of(new Field("content", "Must be base64 (RFC 4648).")), refused("{'content': '!!!'}"));
        assertEquals(List.of(new Field("content", "Must be base64 (RFC 4648).")), refused("{'content': 'aGVsbG8=x'}"));
        assertEquals(List.of(new Field("content", "Must be a string.")), refused("{'content': 5}"));
    }

    @Test
    void unknownFieldsAreReportedSortedAndCappedAt20() {
        var body = Json.createObjectBuilder();
        for (int i = 0; i < 1000; i++) {
            body.add(String.format("x%04d", i), i);
        }
        body.add("s", "known");
        List<Field> errors = invalid(() -> JsonRecords.check(body.build(), Sample.class));
        assertEquals(20, errors.size());
        assertEquals("x0000", errors.get(0).field());
        assertEquals("x0019", errors.get(19).field());
        errors.forEach(e -> assertEquals("Unknown field.", e.message()));
    }

    @Test
    void unknownFieldNamesAreReportedPrintableAndShort() {
        var body = Json.createObjectBuilder()
                .add("evil\r\nX-Header: 1", 1)
                .add("k".repeat(10_000), 2)
                .build();
        List<Field> errors = invalid(() -> JsonRecords.check(body, Sample.class));
        assertEquals(2, errors.size());
        errors.forEach(e -> {
            assertTrue(e.field().length() <= 64, "length " + e.field().length());
            assertTrue(e.field().chars().noneMatch(c -> c < 0x20 || c == 0x7f), e.field());
        });
        assertTrue(fields(errors).contains("evil??X-Header: 1"), fields(errors).toString());
    }

    @Test
    void typeErrorsAndUnknownFieldsAreReportedTogetherUnknownFirstThenInComponentOrder() {
        var e = assertThrows(InvalidInput.class, () -> bind("{'tls_version': 'x', 'n': 'x', 's': 1, 'zzz': 0}"));
        assertEquals(
                List.of("zzz", "s", "n", "tls_version"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals("The input has 4 errors.", e.getMessage());
    }

    @Test
    void namesAreTheComponentsInSnakeCaseAsJsonBNamesThem() {
        assertEquals(
                List.of("client_secret", "content_base64", "trusted_ca_pem", "a"),
                List.copyOf(JsonRecords.fields(Names.class).keySet()));
        assertEquals(
                Set.copyOf(JsonRecords.fields(Names.class).keySet()),
                Json.createReader(new StringReader(JsonbConfiguration.JSONB.toJson(new Names("", "", "", ""))))
                        .readObject()
                        .keySet());
    }

    @Test
    void noErrorsNoException() {
        assertEquals("x", bind("{'s': 'x'}").s());
    }

    // --- the users body, which has no class of its own to test

    @Test
    void newUserBindsWithAdminFalseByDefault() {
        var user = JsonRecords.bind(
                json("{'username': 'dave', 'email': 'd@example.com', 'password': 'pw'}"), UsersResource.NewUser.class);
        assertEquals(new UsersResource.NewUser("dave", "d@example.com", "pw", false), user);
        assertTrue(JsonRecords.bind(json("{'admin': true}"), UsersResource.NewUser.class)
                .admin());
    }

    @Test
    void newUserOfTheWrongTypesIsRefusedNamingEveryField() {
        List<Field> errors = invalid(() -> JsonRecords.bind(
                json("{'username': 1, 'email': [], 'password': true, 'admin': 'yes', 'role': 'x'}"),
                UsersResource.NewUser.class));
        assertEquals(
                List.of(
                        new Field("role", "Unknown field."),
                        new Field("username", "Must be a string."),
                        new Field("email", "Must be a string."),
                        new Field("password", "Must be a string."),
                        new Field("admin", "Must be true or false.")),
                errors);
        assertFalse(invalid(() -> JsonRecords.bind(json("{'admin': null}"), UsersResource.NewUser.class))
                .isEmpty());
    }
}
