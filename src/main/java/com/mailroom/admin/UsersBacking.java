package com.mailroom.admin;

import com.mailroom.errors.MailroomException;
import com.mailroom.users.boundary.UserView;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Admin › Users ({@code /admin/users.xhtml}): the users, and a form to add one through {@link Users#create}. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Map<String, String> FIELD_IDS =
            Map.of("username", "username", "email", "email", "password", "password");

    @Inject
    Users users;

    private List<UserView> all;
    private String username;
    private String email;
    private String password;
    private boolean admin;

    @PostConstruct
    void load() {
        all = users.list();
    }

    public String create() {
        try {
            users.create(username, email, password, admin);
        } catch (MailroomException e) {
            FacesErrors.show(e, FIELD_IDS);
            return null;
        }
        FacesErrors.flash("users.created", username);
        return "/admin/users.xhtml?faces-redirect=true";
    }

    public List<UserView> getAll() {
        return all;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }
}
