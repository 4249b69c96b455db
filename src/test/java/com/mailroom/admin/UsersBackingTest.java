package com.mailroom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class UsersBackingTest {

    @Test
    void theBrowsersLocalDateTimeIsReadAsUtc() {
        assertEquals("2027-01-31T12:00Z", DateTimeInputs.asUtc("2027-01-31T12:00"));
        assertEquals("2027-01-31T12:00:30Z", DateTimeInputs.asUtc(" 2027-01-31T12:00:30 "));
        assertNull(DateTimeInputs.asUtc(""));
        assertNull(DateTimeInputs.asUtc(null));
        assertEquals("soon", DateTimeInputs.asUtc("soon"), "anything else goes to the rules, which name it");
        assertEquals("2027-01-31T12:00:00+01:00", DateTimeInputs.asUtc("2027-01-31T12:00:00+01:00"));
    }

    @Test
    void timesAreShownToTheMinuteInUtc() {
        assertEquals(
                "2027-01-31 11:00 UTC", new UsersBacking().when(OffsetDateTime.parse("2027-01-31T12:00:59+01:00")));
        assertNull(new UsersBacking().when(null));
    }
}
