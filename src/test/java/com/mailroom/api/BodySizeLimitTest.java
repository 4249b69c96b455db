package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BodySizeLimitTest {

    private final BodySizeLimit limits = new BodySizeLimit();

    @Test
    void aBatchMayBeAsLargeAsTheLargestSingleMailAndOtherBodiesOneMebibyte() {
        int mail = BodySizeLimit.mailRequestLimit(25L * 1024 * 1024);
        assertEquals(mail, limits.limitFor("v1/mail"));
        assertEquals(mail, limits.limitFor("/v1/mail/"));
        assertEquals(mail, limits.limitFor("v1/mail/batch"), "JAX-RS' path");
        assertEquals(mail, limits.limitFor("/v1/mail/batch"), "the servlet's path info");
        assertEquals(mail, limits.limitFor("/v1/mail/batch/"));
        assertEquals(JsonBodies.MAX_BYTES, limits.limitFor("v1/mail/x/resend"));
        assertEquals(JsonBodies.MAX_BYTES, limits.limitFor("/v1/smtp/settings"));
        assertEquals(36_001_116, mail, "about 34.3 MiB");
    }
}
