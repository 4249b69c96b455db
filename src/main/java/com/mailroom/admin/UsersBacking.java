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

/**
 * Admin › Users ({@code /admin/users.xhtml}): the users with their row actions (edit e-mail and password, make or
 * remove an administrator, remove after a confirmation on the page) and a form to add one, all through {@link Users}:
 * the page applies the API's rules and says its refusals (such as the last admin's) in the page's language.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Map<String, String> FIELD_IDS =
            Map.of("username", "username", "email", "email", "password", "password");
    static final Map<String, String> EDIT_FIELD_IDS = Map.of("email", "editEmail", "password", "editPassword");
    private static final String AGAIN = "/admin/users.xhtml?faces-redirect=true";

    @Inject
    Users users;

    private List<UserView> all;
    private String username;
    private String email;
    private String password;
    private boolean admin;

    private UserView editing;
    private String editEmail;
    private String editPassword;
    private UserView removing;

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
        return AGAIN;
    }

    /** Opens the form that changes the user's e-mail address and password. */
    public void edit(UserView user) {
        editing = user;
        editEmail = user.email();
        editPassword = null;
        removing = null;
    }

    public String save() {
        String newPassword = editPassword == null || editPassword.isEmpty() ? null : editPassword;
        try {
            users.update(editing.id(), new Users.Change(null, editEmail, newPassword, null));
        } catch (MailroomException e) {
            FacesErrors.show(e, EDIT_FIELD_IDS);
            return null;
        }
        FacesErrors.flash("users.changed", editing.username());
        return AGAIN;
    }

    /** Makes the user an administrator, or a user when they are one. */
    public String toggleAdmin(UserView user) {
        try {
            users.update(user.id(), new Users.Change(null, null, null, !user.admin()));
        } catch (MailroomException e) {
            FacesErrors.show(e, Map.of());
            return null;
        }
        FacesErrors.flash(user.admin() ? "users.demoted" : "users.promoted", user.username());
        return AGAIN;
    }

    /** The first step of removing: the page asks to confirm. */
    public void askRemove(UserView user) {
        removing = user;
        editing = null;
    }

    public String remove() {
        try {
            users.remove(removing.id());
        } catch (MailroomException e) {
            removing = null;
            FacesErrors.show(e, Map.of());
            return null;
        }
        FacesErrors.flash("users.removed", removing.username());
        return AGAIN;
    }

    public String cancel() {
        return AGAIN;
    }

    public List<UserView> getAll() {
        return all;
    }

    public UserView getEditing() {
        return editing;
    }

    public UserView getRemoving() {
        return removing;
    }

    /** "Remove alice": the button says whom it removes. */
    public String getConfirmRemoveLabel() {
        return removing == null ? null : FacesErrors.text("users.remove.confirmButton", removing.username());
    }

    public String getEditEmail() {
        return editEmail;
    }

    public void setEditEmail(String editEmail) {
        this.editEmail = editEmail;
    }

    public String getEditPassword() {
        return editPassword;
    }

    public void setEditPassword(String editPassword) {
        this.editPassword = editPassword;
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
