package com.mailroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FromAddressTest {

    private static MailAddress valid(String raw) {
        var result = MailAddress.parse(raw);
        assertTrue(result.valid(), () -> raw + " → " + result.problem());
        assertNull(result.problem());
        return result.value();
    }

    private static String refused(String raw) {
        var result = MailAddress.parse(raw);
        assertFalse(result.valid(), () -> raw + " was accepted as " + result.value());
        assertNull(result.value());
        assertTrue(result.problem() != null && !result.problem().english().isBlank());
        return result.problem().english();
    }

    @Test
    void displayNameWithAddressIsSplit() {
        MailAddress from = valid("Reports <reports@example.com>");
        assertEquals("Reports", from.displayName());
        assertEquals("reports@example.com", from.address());
        assertEquals("Reports <reports@example.com>", from.formatted());
    }

    @Test
    void bareAddressHasNoDisplayName() {
        MailAddress from = valid("reports@example.com");
        assertNull(from.displayName());
        assertEquals("reports@example.com", from.formatted());
    }

    @Test
    void angleBracketsWithoutNameAreABareAddress() {
        MailAddress from = valid("<reports@example.com>");
        assertNull(from.displayName());
        assertEquals("reports@example.com", from.formatted());
    }

    @Test
    void spacesAroundAndInsideTheNameAreNormalised() {
        MailAddress from = valid("   Monthly    Reports<reports@example.com>  ");
        assertEquals("Monthly Reports", from.displayName());
        assertEquals("Monthly Reports <reports@example.com>", from.formatted());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "O'Brien <ob@example.com>",
                "Jean-Luc Picard <jl@example.com>",
                "Müller GmbH <m@example.com>",
                "Dr. No <no@example.com>",
                "Reports 2 <r2@example.com>",
                "José Nuñez <jn@example.com>",
                "first.last+tag@example.com",
                "under_score%x@sub.example.co.uk",
                "a@localhost",
                "a-b@x-y.example"
            })
    void namesAndAddressesPeopleUseAreAccepted(String raw) {
        valid(raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void missingFromIsRefusedWithAnExample(String raw) {
        assertTrue(refused(raw).contains("e.g."));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"Reports\" <r@example.com>",
                "Smith, John <j@example.com>",
                "Reports; Bcc <r@example.com>",
                "Reports (bot) <r@example.com>",
                "Back\\slash <r@example.com>",
                "a@b <r@example.com>",
                "=?utf-8?q?x?= <r@example.com>",
                "A<B <r@example.com>",
                "-Reports <r@example.com>",
                ".Reports <r@example.com>",
                "Re:ports <r@example.com>"
            })
    void specialCharactersInTheDisplayNameAreRefusedWithAClearMessage(String raw) {
        assertTrue(refused(raw).contains("special characters are not supported"), raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Reports <r@example.com",
                "Reports r@example.com>",
                "<r@example.com> Reports",
                "Reports <<r@example.com>>",
                "Reports <r@example.com> <s@example.com>"
            })
    void wrongShapeIsRefused(String raw) {
        refused(raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "reports",
                "@example.com",
                "reports@",
                "r@@example.com",
                "r@s@example.com",
                "r@example",
                "r..s@example.com",
                ".r@example.com",
                "r.@example.com",
                "r s@example.com",
                "\"r\"@example.com",
                "r(x)@example.com",
                "jöhn@example.com",
                "r@-example.com",
                "r@example-.com",
                "r@exa_mple.com",
                "r@example..com",
                "r@example.com.",
                "r@bücher.example",
                "r@[192.0.2.1]",
                "Reports <not-an-address>",
                "Reports <>"
            })
    void malformedAddressesAreRefused(String raw) {
        refused(raw);
    }

    @Test
    void localPartOf64IsAcceptedAnd65Refused() {
        valid("l".repeat(64) + "@example.com");
        refused("l".repeat(65) + "@example.com");
    }

    @Test
    void fromOfExactly320CharactersIsAcceptedAnd321Refused() {
        String tail = " <reports@example.com>";
        String at320 = "N".repeat(320 - tail.length()) + tail;
        assertEquals(320, at320.length());
        valid(at320);
        assertTrue(refused("N" + at320).contains("320"));
    }

    @Test
    void hugeInputIsRefusedWithoutEchoingIt() {
        String problem = refused("x".repeat(1_000_000));
        assertTrue(problem.length() < 200, problem);
        String notAnAddress =
                MailAddress.addressProblem("y".repeat(500)).orElseThrow().english();
        assertTrue(notAnAddress.length() < 200, notAnAddress);
    }

    @Test
    void problemTextNeverContainsControlCharacters() {
        String problem =
                MailAddress.addressProblem("no-at-sign\r\nBcc: x").orElseThrow().english();
        assertFalse(problem.chars().anyMatch(Character::isISOControl), problem);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"r\n@example.com", "r@example.com\n", "r@exam\nple.com", "r\r@example.com", "r@example.com\u0000"
            })
    void addressProblemRefusesLineBreaksAnywhere(String address) {
        assertTrue(MailAddress.addressProblem(address).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reports <r\n@example.com>", "Rep\u0000orts <r@example.com>", "Reports <r@exa\rmple.com>"})
    void lineBreaksInsideTheFromAreRefused(String raw) {
        refused(raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "r@example.com\r\n",
                "\r\nr@example.com",
                "Reports <r@example.com>\r\n",
                "Reports\r\n <r@example.com>",
                "Rep\torts <r@example.com>",
                "Reports\u000b<r@example.com>",
                "Reports <r@example.com\n>",
                "Reports <\tr@example.com>"
            })
    void controlCharactersAroundTheFromAreRefusedNotTrimmed(String raw) {
        refused(raw);
    }

    @Test
    void addressProblemAcceptsAPlainAddress() {
        assertEquals(Optional.empty(), MailAddress.addressProblem("admin@example.com"));
        assertEquals(Optional.empty(), MailAddress.addressProblem("ADMIN@EXAMPLE.COM"));
    }
}
