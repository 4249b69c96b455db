package com.mailroom.api;

import com.mailroom.errors.FieldError;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The one error shape of the API: {@code {"message": "...", "errors": [{"field", "message"}]}}. */
@JsonbPropertyOrder({"message", "errors"})
public record ErrorBody(String message, List<FieldError> errors) {

    public static ErrorBody of(String message) {
        return new ErrorBody(message, List.of());
    }
}
