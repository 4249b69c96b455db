package com.mailroom.api;

import com.mailroom.api.JsonRecords.MustBe;
import com.mailroom.delivery.control.MailMessage;
import com.mailroom.errors.InvalidInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/mail/batch} (docs/api.md "Mail"): mails as {@code POST /api/v1/mail} takes them,
 * in a list. The count is checked first (a list that is too long is not looked into), then every mail's shape, each
 * error named like {@code messages[3].to}; the rules are the outbox's, named the same way.
 */
@Schema(
        description = "Mails to queue together: all of them or none. Each is what `POST /api/v1/mail` takes; the"
                + " request body at most as large as that of one largest mail.")
public record MailBatch(
        @Schema(
                required = true,
                minItems = 1,
                maxItems = MailBatch.DEFAULT_MAX,
                description = "1 to `mailroom.mail.batch-max` mails (1000 by default), queued in this order.")
        @MustBe(MailBatch.LIST)
        List<MailBody> messages) {

    static final int DEFAULT_MAX = 1000;

    static final String LIST = "field.messages.list";

    /**
     * @param max the most mails one request may carry
     * @throws InvalidInput on {@code messages} for no list, an empty or a too long one; else naming every field of
     *         every mail that is unknown or of the wrong type
     */
    static List<MailMessage> messages(JsonObject json, int max) {
        if (json.get("messages") instanceof JsonArray list && list.size() > max) {
            throw InvalidInput.of("messages", "field.messages.tooMany", max, list.size());
        }
        List<MailBody> bodies = JsonRecords.bind(json, MailBatch.class).messages();
        if (bodies == null || bodies.isEmpty()) {
            throw InvalidInput.of("messages", "field.messages.required", max);
        }
        return bodies.stream().map(MailBody::message).toList();
    }
}
