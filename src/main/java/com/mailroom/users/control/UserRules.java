package com.mailroom.users.control;

import com.mailroom.errors.FieldError;
import com.mailroom.platform.MailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a new user must look like. Pure, so it is tested without a server. */
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
        if (email == null || email.isEmpty()) {
            errors.add(FieldError.of("email", "field.email.required"));
        } else if (email.length() > MailAddress.MAX_LENGTH
                || CONTROL.matcher(email).find()) {
            errors.add(FieldError.of("email", "field.email.tooLong", MailAddress.MAX_LENGTH));
        } else {
            MailAddress.addressProblem(email).ifPresent(p -> errors.add(new FieldError("email", p)));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(FieldError.of("password", "field.password.short", MIN_PASSWORD));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(FieldError.of("password", "field.password.tooLong", MAX_PASSWORD));
        } else if (CONTROL.matcher(password).find()) {
            errors.add(FieldError.of("password", "field.password.control"));
        }
        return errors;
    }
}
