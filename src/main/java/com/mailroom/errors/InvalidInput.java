package com.mailroom.errors;

import java.util.List;

/** 422: the input was understood but breaks a rule; every broken rule is named by its field. */
public class InvalidInput extends MailroomException {

    public InvalidInput(List<FieldError> errors) {
        super(422, errors.size() == 1 ? errors.get(0).message() : "The input has " + errors.size() + " errors.", errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }
}
