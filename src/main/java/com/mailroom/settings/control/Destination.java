package com.mailroom.settings.control;

import com.mailroom.oauth.control.TokenRequest;
import com.mailroom.platform.Text;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.Stage;

/**
 * Where mail goes: a target to talk to (with the token request when its OAuth 2.0 access token is still to be
 * fetched), or why there is none ({@code problemStage}, {@code problem}).
 */
public record Destination(SmtpTarget target, TokenRequest oauth, Stage problemStage, Text problem) {

    static Destination of(SmtpTarget target, TokenRequest oauth) {
        return new Destination(target, oauth, null, null);
    }

    static Destination unusable(Stage stage, Text problem) {
        return new Destination(null, null, stage, problem);
    }
}
