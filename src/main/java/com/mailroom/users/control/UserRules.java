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

    private UserRules() {
    }

    public static List<FieldError> validate(String username, String email, String password) {
        var errors = new ArrayList<FieldError>();
        if (username == null || username.isEmpty()) {
            errors.add(new FieldError("username", "Username is required.", "username.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "Username: 1 to 64 letters, digits and . _ @ -, starting with a letter or digit."));
        }
        if (email == null || email.isEmpty()) {
            errors.add(new FieldError("email", "E-mail is required: test mails are sent to it.", "email.required"));
        } else if (email.length() > MailAddress.MAX_LENGTH || CONTROL.matcher(email).find()) {
            errors.add(new FieldError("email", "E-mail must be one address of at most " + MailAddress.MAX_LENGTH + " characters."));
        } else {
            MailAddress.addressProblem(email).ifPresent(p -> errors.add(new FieldError("email", p, "email.invalid")));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "Password must have at least " + MIN_PASSWORD + " characters.", "password.short"));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(new FieldError("password", "Password must be at most " + MAX_PASSWORD + " characters."));
        } else if (CONTROL.matcher(password).find()) {
            errors.add(new FieldError("password", "Password must not contain line breaks or control characters."));
        }
        return errors;
    }
}
