package com.mailroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionCookieAttributesTest {

    private static String amend(String header, boolean secure) {
        return SessionCookieAttributes.withAttributes(header, "JSESSIONID", secure);
    }

    @Test
    void theSessionCookieGetsSameSiteAndOverHttpsSecure() {
        assertEquals(
                "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax", amend("JSESSIONID=abc; Path=/; HttpOnly", false));
        assertEquals(
                "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax; Secure",
                amend("JSESSIONID=abc; Path=/; HttpOnly", true));
    }

    @Test
    void attributesAlreadyThereAreKeptAndOtherCookiesLeftAlone() {
        assertEquals("JSESSIONID=a; Secure; SameSite=Strict", amend("JSESSIONID=a; Secure; SameSite=Strict", true));
        assertEquals("JSESSIONID=a; Path=/; Secure; SameSite=Lax", amend("JSESSIONID=a; Path=/; Secure", true));
        assertEquals("theme=dark; Path=/", amend("theme=dark; Path=/", true));
        assertEquals("JSESSIONIDSSO=x", amend("JSESSIONIDSSO=x", true));
    }
}
