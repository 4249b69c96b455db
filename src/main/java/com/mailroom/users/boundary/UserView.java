package com.mailroom.users.boundary;

import com.mailroom.users.entity.User;
import java.io.Serializable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the API shows it: never a password or its hash. */
@Schema(description = "A user; never a password or its hash.")
public record UserView(
        @Schema(required = true) long id,
        @Schema(required = true) String username,

        @Schema(required = true, description = "Test mails go here.")
        String email,

        @Schema(required = true) boolean admin)
        implements Serializable {

    static UserView of(User u) {
        return new UserView(u.getId(), u.getUsername(), u.getEmail(), u.isAdmin());
    }
}
