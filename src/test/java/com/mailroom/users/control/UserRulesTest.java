package com.mailroom.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.errors.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserRulesTest {

    private static final String NAME = "alice";
    private static final String EMAIL = "alice@example.com";
    private static final String PASSWORD = "correct-horse";

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void validUserHasNoErrors() {
        assertEquals(List.of(), UserRules.validate(NAME, EMAIL, PASSWORD));
    }

    @Test
    void everyMissingFieldIsReportedAtOnceByItsJsonName() {
        assertEquals(List.of("username", "email", "password"), fields(UserRules.validate(null, null, null)));
        assertEquals(List.of("username", "email", "password"), fields(UserRules.validate("", "", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A1", "alice.smith", "a_b-c@d", "0day"})
    void usernamesOfLettersDigitsAndFewSymbolsAreAccepted(String username) {
        assertEquals(List.of(), UserRules.validate(username, EMAIL, PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " ",
                " alice",
                "alice ",
                "alice\r\n",
                "alice\n",
                "al\u0000ice",
                "al ice",
                ".alice",
                "-alice",
                "_alice",
                "@alice",
                "alice/../admin",
                "alice;",
                "älice",
                "alice\u0085",
                "alice\u2028"
            })
    void usernamesWithSpacesControlsOrOtherCharactersAreRefused(String username) {
        assertEquals(List.of("username"), fields(UserRules.validate(username, EMAIL, PASSWORD)));
    }

    @Test
    void usernameOf64CharactersIsAcceptedAnd65Refused() {
        assertEquals(List.of(), UserRules.validate("u".repeat(64), EMAIL, PASSWORD));
        assertEquals(List.of("username"), fields(UserRules.validate("u".repeat(65), EMAIL, PASSWORD)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emailIsRequired(String email) {
        List<FieldError> errors = UserRules.validate(NAME, email, PASSWORD);
        assertEquals(List.of("email"), fields(errors));
        assertTrue(errors.get(0).message().contains("required"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " ",
                "alice",
                "alice@",
                "@example.com",
                "alice@example",
                "alice@example.com\r\n",
                "alice@example.com\n",
                "\nalice@example.com",
                "alice@exa\u0000mple.com",
                "Alice <alice@example.com>",
                "alice@example.com, bob@example.com",
                "alice@example.com bob@example.com",
                " alice@example.com"
            })
    void emailThatIsNotOnePlainAddressIsRefused(String email) {
        assertEquals(List.of("email"), fields(UserRules.validate(NAME, email, PASSWORD)));
    }

    @Test
    void hugeEmailIsRefusedWithoutEchoingIt() {
        List<FieldError> errors = UserRules.validate(NAME, "a".repeat(300) + "@" + "b".repeat(100) + ".com", PASSWORD);
        assertEquals(List.of("email"), fields(errors));
        assertTrue(errors.get(0).message().contains("320"), errors.get(0).message());
    }

    @Test
    void passwordOf10CharactersIsAcceptedAnd9Refused() {
        assertEquals(List.of(), UserRules.validate(NAME, EMAIL, "p".repeat(UserRules.MIN_PASSWORD)));
        List<FieldError> errors = UserRules.validate(NAME, EMAIL, "p".repeat(UserRules.MIN_PASSWORD - 1));
        assertEquals(List.of("password"), fields(errors));
        assertTrue(
                errors.get(0).message().contains("at least 10"), errors.get(0).message());
    }

    @Test
    void passwordOf1024CharactersIsAcceptedAnd1025Refused() {
        assertEquals(List.of(), UserRules.validate(NAME, EMAIL, "p".repeat(1024)));
        assertEquals(List.of("password"), fields(UserRules.validate(NAME, EMAIL, "p".repeat(1025))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct-horse\r\n", "correct\nhorse-battery", "correct-horse\u0000", "\tcorrect-horse"})
    void passwordWithControlCharactersIsRefused(String password) {
        assertEquals(List.of("password"), fields(UserRules.validate(NAME, EMAIL, password)));
    }

    @Test
    void errorMessagesNeverContainThePassword() {
        String password = "short\r\n";
        UserRules.validate(NAME, EMAIL, password)
                .forEach(e -> assertTrue(!e.message().contains("short"), e.message()));
    }

    @Test
    void aChangeGivesAnyOfEmailAndPasswordAndNullKeepsThem() {
        assertEquals(List.of(), UserRules.validateChange(null, null, null));
        assertEquals(List.of(), UserRules.validateChange(null, EMAIL, null));
        assertEquals(List.of(), UserRules.validateChange(null, null, PASSWORD));
        assertEquals(List.of(), UserRules.validateChange(null, EMAIL, PASSWORD));
    }

    @Test
    void aChangeFollowsTheRulesOfAdding() {
        assertEquals(List.of("email", "password"), fields(UserRules.validateChange(null, "", "short")));
        assertEquals(List.of("email"), fields(UserRules.validateChange(null, "alice@example.com\r\nBcc: x@y", null)));
        assertEquals(List.of("email"), fields(UserRules.validateChange(null, "a".repeat(400) + "@example.com", null)));
        assertEquals(List.of("password"), fields(UserRules.validateChange(null, null, "p".repeat(1025))));
        assertEquals(List.of("password"), fields(UserRules.validateChange(null, null, "correct-horse\n")));
    }

    @Test
    void aChangeOfTheUsernameIsRefusedByNameTogetherWithTheOtherErrors() {
        List<FieldError> errors = UserRules.validateChange(NAME, "not-an-address", null);
        assertEquals(List.of("username", "email"), fields(errors));
        assertTrue(
                errors.get(0).message().contains("cannot be changed"),
                errors.get(0).message());
        assertEquals(List.of("username"), fields(UserRules.validateChange("", null, null)));
    }
}
