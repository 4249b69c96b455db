package com.mailroom.users.boundary;

import com.mailroom.users.entity.User;
import java.io.Serializable;

/** A user as the API shows it: never a password or its hash. */
public record UserView(long id, String username, String email, boolean admin) implements Serializable {

    static UserView of(User u) {
        return new UserView(u.getId(), u.getUsername(), u.getEmail(), u.isAdmin());
    }
}
