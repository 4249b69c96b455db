package com.mailroom.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class XOAuth2ChallengeTest {

    private static String reply(String json) {
        return "334 " + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void gmailsErrorIsDecoded() {
        var c = XOAuth2Challenge.of(
                reply("{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}"));
        assertEquals("401", c.status());
        assertEquals("bearer", c.schemes());
        assertEquals("https://mail.google.com/", c.scope());
        assertEquals("status 401, schemes bearer, scope https://mail.google.com/", c.describe());
    }

    @Test
    void rfc7628sErrorWithANumericStatusAndWithoutScopeIsDecoded() {
        var c = XOAuth2Challenge.of(
                reply("{\"status\": \"invalid_token\", \"openid-configuration\": \"https://x/y\"}"));
        assertEquals("status invalid_token", c.describe());
        var numeric = XOAuth2Challenge.of(reply("{\"status\": 400}"));
        assertEquals("400", numeric.status());
    }

    @Test
    void aChallengeThatIsNotJsonIsShownDecodedAndBounded() {
        var text = XOAuth2Challenge.of(reply("try again later"));
        assertNull(text.status());
        assertEquals("try again later", text.describe());
        var garbage = XOAuth2Challenge.of("334 %%% not base64 " + "x".repeat(1000));
        assertTrue(garbage.describe().length() <= 301, garbage.describe());
        assertEquals("", XOAuth2Challenge.of("334 ").describe());
        assertEquals("", XOAuth2Challenge.of(null).describe());
    }
}
