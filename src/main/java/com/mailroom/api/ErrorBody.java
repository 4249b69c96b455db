package com.mailroom.api;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.MailroomException;
import com.mailroom.platform.Text;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The one error shape of the API: {@code {"message": "...", "errors": [{"field", "message"}]}}, in English (see
 * the package description).
 */
@JsonbPropertyOrder({"message", "errors"})
public record ErrorBody(String message, List<Field> errors) {

    /** One input problem as the API shows it. */
    public record Field(String field, String message) {
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
