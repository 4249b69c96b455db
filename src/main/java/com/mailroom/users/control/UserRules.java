package com.mailroom.users.control;

import com.mailroom.errors.FieldError;
import com.mailroom.platform.MailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a user must look like, when added and when changed. Pure, so it is tested without a server. */
public final class UserRules {

    public static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 1024;
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@\\-]{0,63}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private UserRules() {}

    public static List<FieldError> validate(String username, String email, String password) {
        var errors = new ArrayList<FieldError>();
        if (username == null || username.isEmpty()) {
            errors.add(FieldError.of("username", "field.username.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", "field.username.format"));
        }
        email(email).ifPresent(errors::add);
        password(password).ifPresent(errors::add);
        return errors;
    }

    /**
     * What a change of an existing user must look like: the same rules for what is given (null is "keep"), and the
     * username is not given at all, since it cannot change (it names the user in logs, settings and sessions).
     */
    public static List<FieldError> validateChange(String username, String email, String password) {
        var errors = new ArrayList<FieldError>();
        if (username != null) {
            errors.add(FieldError.of("username", "field.username.notChangeable"));
        }
        if (email != null) {
            email(email).ifPresent(errors::add);
        }
        if (password != null) {
            password(password).ifPresent(errors::add);
        }
        return errors;
    }

    private static Optional<FieldError> email(String email) {
        if (email == null || email.isEmpty()) {
            return Optional.of(FieldError.of("email", "field.email.required"));
        }
        if (email.length() > MailAddress.MAX_LENGTH || CONTROL.matcher(email).find()) {
            return Optional.of(FieldError.of("email", "field.email.tooLong", MailAddress.MAX_LENGTH));
        }
        return MailAddress.addressProblem(email).map(p -> new FieldError("email", p));
    }

    private static Optional<FieldError> password(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of(FieldError.of("password", "field.password.short", MIN_PASSWORD));
        }
        if (password.length() > MAX_PASSWORD) {
            return Optional.of(FieldError.of("password", "field.password.tooLong", MAX_PASSWORD));
        }
        if (CONTROL.matcher(password).find()) {
            return Optional.of(FieldError.of("password", "field.password.control"));
        }
        return Optional.empty();
    }
}
