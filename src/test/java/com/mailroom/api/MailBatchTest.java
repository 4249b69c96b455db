package com.mailroom.api;

import static com.mailroom.api.Bodies.assertOnlyRefused;
import static com.mailroom.api.Bodies.fields;
import static com.mailroom.api.Bodies.invalid;
import static com.mailroom.api.Bodies.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.delivery.control.MailMessage;
import com.mailroom.delivery.entity.Category;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailBatchTest {

    private static final String MAIL = "{'to': 'a@example.com', 'subject': 'S', 'text': 'T', 'category': 'new_user'}";

    private static List<MailMessage> messages(String singleQuoted, int max) {
        return MailBatch.messages(json(singleQuoted), max);
    }

    private static String batch(int count) {
        return "{'messages': [" + String.join(", ", Collections.nCopies(count, MAIL)) + "]}";
    }

    @Test
    void readsEveryMailInItsOrderAsTheSingleEndpointDoes() {
        var m = messages("""
                {'messages': [
                  {'to': ['Ada <ada@example.com>'], 'subject': 'First', 'text': 'T', 'category': 'new_user'},
                  {'to': 'b@example.com', 'bcc': ['c@example.com'], 'subject': 'Second', 'html': '<p>H</p>',
                   'category': 'CONTENT_DELIVERY',
                   'attachments': [{'filename': 'r.csv', 'content_type': 'text/csv', 'content_base64': 'aGVs\\nbG8='}]}
                ]}""", 10);
        assertEquals(2, m.size());
        assertEquals("First", m.get(0).subject());
        assertEquals(List.of("Ada <ada@example.com>"), m.get(0).to());
        assertEquals(Category.NEW_USER, m.get(0).category());
        assertEquals("Second", m.get(1).subject());
        assertEquals(List.of("b@example.com"), m.get(1).to());
        assertEquals(Category.CONTENT_DELIVERY, m.get(1).category());
        assertEquals("text/csv", m.get(1).attachments().get(0).contentType());
        assertArrayEquals("hello".getBytes(), m.get(1).attachments().get(0).content());
    }

    @Test
    void everyWrongFieldOfEveryMailIsNamedWithItsIndex() {
        var errors = invalid(() -> messages("""
                {'messages': [
                  {'to': 'a@example.com', 'subject': 'ok', 'text': 'T', 'category': 'new_user'},
                  {'to': 5, 'subject': 'S', 'text': 'T', 'category': 'spam', 'colour': 'red'},
                  "not an object",
                  null,
                  {'to': 'a@example.com', 'subject': ['S'], 'text': 'T', 'category': 'new_user',
                   'attachments': [{'filename': 'a', 'content_base64': '***'}]}
                ]}""", 10));
        assertEquals(
                List.of(
                        "messages[1].colour",
                        "messages[1].category",
                        "messages[1].to",
                        "messages[2]",
                        "messages[3]",
                        "messages[4].subject",
                        "messages[4].attachments[0].content_base64"),
                fields(errors));
        assertEquals(
                "Must be one of new_user, password_reset, admin_notification, content_delivery.",
                errors.get(1).message());
        assertEquals(
                "Must be an object with subject, text, html, category, to, cc, bcc and attachments.",
                errors.get(3).message());
    }

    @Test
    void messagesMustBeANonEmptyListOfAtMostTheMaximum() {
        assertOnlyRefused(invalid(() -> messages("{}", 10)), "messages", "At least one mail is required: 1 to 10");
        assertOnlyRefused(
                invalid(() -> messages("{'messages': null}", 10)), "messages", "At least one mail is required");
        assertOnlyRefused(invalid(() -> messages("{'messages': []}", 10)), "messages", "At least one mail");
        assertOnlyRefused(invalid(() -> messages("{'messages': " + MAIL + "}", 10)), "messages", "list of mails");
        assertOnlyRefused(invalid(() -> messages("{'messages': 'x'}", 10)), "messages", "list of mails");
        assertOnlyRefused(invalid(() -> messages(batch(11), 10)), "messages", "At most 10 mails per request");
        assertEquals(10, messages(batch(10), 10).size());
    }

    @Test
    void aTooLongListIsRefusedBeforeItsMailsAreLookedAt() {
        String wrong = "{'messages': [" + String.join(", ", Collections.nCopies(3, "{'to': 5}")) + "]}";
        assertOnlyRefused(invalid(() -> messages(wrong, 2)), "messages", "not 3");
    }

    @Test
    void unknownFieldsBesideTheMessagesAreRefused() {
        assertEquals(
                List.of("message"), fields(invalid(() -> messages("{'message': [" + MAIL + "], 'messages': []}", 10))));
    }
}
