package com.mailroom.admin;

import com.mailroom.errors.LoginLocked;
import com.mailroom.users.control.MailroomAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /login.xhtml}: hands the credential to {@link MailroomAuthentication}, which starts a new session; then
 * returns to the page first asked for (a local path only, never another site) or to Admin › SMTP.
 */
@Named
@RequestScoped
public class LoginBacking {

    static final String HOME = "/admin/smtp.xhtml";

    @Inject
    SecurityContext security;

    private String username;
    private String password;

    public void login() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        var request = (HttpServletRequest) external.getRequest();
        String language = LocaleSwitch.chosen(context);
        AuthenticationStatus status = security.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        switch (status) {
            case SUCCESS -> {
                LocaleSwitch.remember(context, language);
                Object next = request.getSession().getAttribute(MailroomAuthentication.SESSION_NEXT);
                request.getSession().removeAttribute(MailroomAuthentication.SESSION_NEXT);
                external.redirect(external.getRequestContextPath() + (isLocalPath(next) ? next : HOME));
            }
            case SEND_CONTINUE -> context.responseComplete();
            default -> {
                String text = request.getAttribute(MailroomAuthentication.LOCKED) instanceof LoginLocked locked
                        ? locked.text().in(FacesErrors.locale())
                        : FacesErrors.text("login.failed");
                context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            }
        }
    }

    /** Only a path on this site: "//host" and "/\host" would leave it. */
    static boolean isLocalPath(Object next) {
        return next instanceof String path
                && path.startsWith("/")
                && !path.startsWith("//")
                && !path.contains("\\")
                && path.chars().noneMatch(Character::isISOControl);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
