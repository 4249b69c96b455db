package com.mailroom.api;

import static com.mailroom.api.Bodies.fields;
import static com.mailroom.api.Bodies.invalid;
import static com.mailroom.api.Bodies.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.errors.FieldError;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {

    private static final Set<String> KNOWN = Set.of("s", "n", "l", "b", "c");

    private static JsonFields fieldsOf(String body) {
        return new JsonFields(json(body), KNOWN);
    }

    @Test
    void absentFieldsCallNoSetter() {
        var f = fieldsOf("{}");
        List<Object> calls = new ArrayList<>();
        f.string("s", calls::add);
        f.integer("n", calls::add);
        f.longInteger("l", calls::add);
        f.bool("b", calls::add);
        f.choice("c", Optional::of, "x", calls::add);
        f.throwIfInvalid();
        assertEquals(List.of(), calls);
    }

    @Test
    void nullIsPassedOnForStringsAndIntegersButIgnoredForLongs() {
        var f = fieldsOf("{'s': null, 'n': null, 'l': null}");
        var s = new AtomicReference<>("unset");
        var n = new AtomicReference<Object>("unset");
        var l = new AtomicReference<Object>("unset");
        f.string("s", s::set);
        f.integer("n", n::set);
        f.longInteger("l", l::set);
        f.throwIfInvalid();
        assertNull(s.get());
        assertNull(n.get());
        assertEquals("unset", l.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483647", "-2147483648", "0", "587", "5.87e2", "587E0"})
    void wholeNumbersWithinIntAreIntegers(String number) {
        var f = fieldsOf("{'n': " + number + "}");
        var n = new AtomicReference<Integer>();
        f.integer("n", n::set);
        f.throwIfInvalid();
        assertEquals(new java.math.BigDecimal(number).intValueExact(), n.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "1e20", "1e400", "1e-400", "587.5", "0.1", "-0.5", "1E+1000000",
            "123456789012345678901234567890"})
    void otherNumbersAreNotIntegers(String number) {
        var f = fieldsOf("{'n': " + number + "}");
        f.integer("n", v -> { throw new AssertionError("set to " + v); });
        assertEquals(List.of(new FieldError("n", "Must be a whole number.")), invalid(f::throwIfInvalid));
    }

    @Test
    void longsAcceptTheWholeLongRangeOnly() {
        var l = new AtomicReference<Long>();
        var ok = fieldsOf("{'l': 9223372036854775807}");
        ok.longInteger("l", l::set);
        ok.throwIfInvalid();
        assertEquals(Long.MAX_VALUE, l.get());
        var tooBig = fieldsOf("{'l': 9223372036854775808}");
        tooBig.longInteger("l", v -> { throw new AssertionError(); });
        assertEquals(List.of("l"), fields(invalid(tooBig::throwIfInvalid)));
    }

    @Test
    void booleansAreOnlyTrueAndFalse() {
        var b = new AtomicReference<Boolean>();
        var t = fieldsOf("{'b': true}");
        t.bool("b", b::set);
        assertEquals(true, b.get());
        var f = fieldsOf("{'b': false}");
        f.bool("b", b::set);
        assertEquals(false, b.get());
        for (String wrong : List.of("'true'", "1", "null", "'false'", "[]")) {
            var w = fieldsOf("{'b': " + wrong + "}");
            w.bool("b", v -> { throw new AssertionError(); });
            assertEquals(List.of(new FieldError("b", "Must be true or false.")), invalid(w::throwIfInvalid), wrong);
        }
    }

    @Test
    void choiceReportsTheAllowedValuesOrTheParsersExplanation() {
        var unknown = fieldsOf("{'c': 'z'}");
        unknown.choice("c", v -> Optional.empty(), "a, b", v -> { throw new AssertionError(); });
        assertEquals(List.of(new FieldError("c", "Must be one of a, b.")), invalid(unknown::throwIfInvalid));

        var explained = fieldsOf("{'c': 'old'}");
        explained.choice("c", v -> { throw new IllegalArgumentException("old is refused: because."); }, "a, b", v -> { });
        assertEquals(List.of(new FieldError("c", "old is refused: because.")), invalid(explained::throwIfInvalid));

        var notAString = fieldsOf("{'c': 1}");
        notAString.choice("c", Optional::of, "a, b", v -> { throw new AssertionError(); });
        assertEquals(List.of(new FieldError("c", "Must be one of a, b.")), invalid(notAString::throwIfInvalid));
    }

    @Test
    void unknownFieldsAreReportedSortedAndCappedAt20() {
        var body = Json.createObjectBuilder();
        for (int i = 0; i < 1000; i++) {
            body.add(String.format("x%04d", i), i);
        }
        body.add("s", "known");
        List<FieldError> errors = invalid(() -> new JsonFields(body.build(), KNOWN).throwIfInvalid());
        assertEquals(20, errors.size());
        assertEquals("x0000", errors.get(0).field());
        assertEquals("x0019", errors.get(19).field());
        errors.forEach(e -> assertEquals("Unknown field.", e.message()));
    }

    @Test
    void unknownFieldNamesAreReportedPrintableAndShort() {
        var body = Json.createObjectBuilder().add("evil\r\nX-Header: 1", 1).add("k".repeat(10_000), 2).build();
        List<FieldError> errors = invalid(() -> new JsonFields(body, KNOWN).throwIfInvalid());
        assertEquals(2, errors.size());
        errors.forEach(e -> {
            assertTrue(e.field().length() <= 64, "length " + e.field().length());
            assertTrue(e.field().chars().noneMatch(c -> c < 0x20 || c == 0x7f), e.field());
        });
        assertTrue(fields(errors).contains("evil??X-Header: 1"), fields(errors).toString());
    }

    @Test
    void typeErrorsAndUnknownFieldsAreReportedTogether() {
        var f = fieldsOf("{'s': 1, 'n': 'x', 'zzz': 0}");
        f.string("s", v -> { });
        f.integer("n", v -> { });
        assertEquals(Set.of("s", "n", "zzz"), Set.copyOf(fields(invalid(f::throwIfInvalid))));
    }

    @Test
    void noErrorsNoException() {
        var f = fieldsOf("{'s': 'x'}");
        var s = new AtomicReference<String>();
        f.string("s", s::set);
        f.throwIfInvalid();
        assertEquals("x", s.get());
    }
}
