package com.mailroom.admin;

import com.mailroom.errors.MailroomException;
import com.mailroom.errors.NotFound;
import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.UserView;
import com.mailroom.users.boundary.Users;
import com.mailroom.users.control.CredentialRules;
import com.mailroom.users.entity.CredentialScope;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Admin › Users ({@code /admin/users.xhtml}): the users with their row actions (edit e-mail and password, make or
 * remove an administrator, remove after a confirmation on the page) and a form to add one, all through {@link Users}:
 * the page applies the API's rules and says its refusals (such as the last admin's) in the page's language. Below,
 * every user's API credentials with a revoke action (confirmed on the page), and a form with which the admin issues a
 * credential for themselves ({@link ApiAccess}); its secret is shown on the answer to that post only.
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

    @Inject
    ApiAccess apiAccess;

    /** A user's API credential, as a row of the credentials table. */
    public record CredentialRow(UserView user, ApiAccess.CredentialView credential) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static final Map<String, String> CREDENTIAL_FIELD_IDS = Map.of(
            "scope", "credentialScope", "expires_at", "credentialExpires", "description", "credentialDescription");
    /** The request attribute that holds just-issued credentials: rendered once, never kept in the view's state. */
    static final String ISSUED = "mailroom.issuedCredentials";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private List<CredentialRow> credentials;
    private String credentialScope = CredentialRules.DEFAULT_SCOPE.wireName();
    private String credentialExpires;
    private String credentialDescription;
    private CredentialRow revoking;

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
        credentials = new ArrayList<>();
        for (UserView user : all) {
            try {
                apiAccess.list(user.id()).forEach(c -> credentials.add(new CredentialRow(user, c)));
            } catch (NotFound e) {
                // removed meanwhile: nothing to list
            }
        }
    }

    /**
     * Issues a credential for the signed-in admin. The secret goes into this request only: the page that answers the
     * post shows it, a reload or the next visit does not, and the view's stored state never holds it.
     */
    public String issue() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ApiAccess.IssuedCredentials issued;
        try {
            issued = apiAccess.issueCredentials(
                    external.getRemoteUser(),
                    credentialScope,
                    DateTimeInputs.asUtc(credentialExpires),
                    credentialDescription);
        } catch (MailroomException e) {
            FacesErrors.show(e, CREDENTIAL_FIELD_IDS);
            return null;
        }
        external.setResponseHeader("Cache-Control", "no-store");
        external.getRequestMap().put(ISSUED, issued);
        credentialExpires = null;
        credentialDescription = null;
        load();
        return null;
    }

    /** The credentials issued by this request, or null. */
    public ApiAccess.IssuedCredentials getIssued() {
        return FacesContext.getCurrentInstance()
                                .getExternalContext()
                                .getRequestMap()
                                .get(ISSUED)
                        instanceof ApiAccess.IssuedCredentials issued
                ? issued
                : null;
    }

    /** The first step of revoking: the page asks to confirm. */
    public void askRevoke(CredentialRow row) {
        revoking = row;
        removing = null;
        editing = null;
    }

    public String revoke() {
        try {
            apiAccess.revoke(revoking.user().id(), revoking.credential().clientId());
        } catch (MailroomException e) {
            revoking = null;
            FacesErrors.show(e, Map.of());
            return null;
        }
        FacesErrors.flash("credentials.revoked", revoking.credential().clientId());
        return AGAIN;
    }

    /** "Revoke abc…": the button says which credential it revokes. */
    public String getConfirmRevokeLabel() {
        return revoking == null
                ? null
                : FacesErrors.text(
                        "credentials.revoke.confirmButton",
                        revoking.credential().clientId());
    }

    /** A time as the credentials table shows it: to the minute, in UTC; null for none. */
    public String when(OffsetDateTime time) {
        return time == null ? null : WHEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public List<CredentialRow> getCredentials() {
        return credentials;
    }

    public CredentialRow getRevoking() {
        return revoking;
    }

    public List<String> getScopes() {
        return Arrays.stream(CredentialScope.values())
                .map(CredentialScope::wireName)
                .toList();
    }

    public String getCredentialScope() {
        return credentialScope;
    }

    public void setCredentialScope(String credentialScope) {
        this.credentialScope = credentialScope;
    }

    public String getCredentialExpires() {
        return credentialExpires;
    }

    public void setCredentialExpires(String credentialExpires) {
        this.credentialExpires = credentialExpires;
    }

    public String getCredentialDescription() {
        return credentialDescription;
    }

    public void setCredentialDescription(String credentialDescription) {
        this.credentialDescription = credentialDescription;
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
        revoking = null;
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
