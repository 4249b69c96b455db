package com.mailroom.errors;

import com.mailroom.platform.Text;
import java.util.List;

/** 422: the input was understood but breaks a rule; every broken rule is named by its field. */
public class InvalidInput extends MailroomException {

    public InvalidInput(List<FieldError> errors) {
        super(422, errors.size() == 1 ? errors.get(0).text() : Text.of("error.inputErrors", errors.size()), errors);
    }

    public static InvalidInput of(String field, String code, Object... arguments) {
        return new InvalidInput(List.of(FieldError.of(field, code, arguments)));
    }
}
