package com.mailroom.api;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.MailroomException;
import com.mailroom.platform.Text;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error shape of the API: {@code {"message": "...", "errors": [{"field", "message"}]}}, in English (see
 * the package description).
 */
@JsonbPropertyOrder({"message", "errors"})
@Schema(description = "Every failure of the API (docs/api.md \"Errors\"), in English.")
public record ErrorBody(
        @Schema(required = true, description = "What went wrong; with one field error, that error's message.")
        String message,

        @Schema(required = true, description = "The fields concerned; empty unless fields are.")
        List<Field> errors) {

    /** One input problem as the API shows it. */
    @Schema(name = "FieldError", description = "One input problem.")
    public record Field(
            @Schema(required = true, description = "The JSON name; list items as `attachments[0].filename`.")
            String field,

            @Schema(required = true) String message) {
        static Field of(FieldError error) {
            return new Field(error.field(), error.message());
        }
    }

    public static ErrorBody of(Text message) {
        return new ErrorBody(message.english(), List.of());
    }

    static ErrorBody of(MailroomException e) {
        return new ErrorBody(e.getMessage(), e.errors().stream().map(Field::of).toList());
    }
}
