package com.mailroom.admin;

import com.mailroom.settings.boundary.SmtpSettingsAdmin;
import com.mailroom.status.boundary.StatusView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The admin template's data: who is signed in and whether SMTP works (the sidebar's warning icon and the SMTP page's
 * banner, docs/product.md R10), read once per request; and the logout.
 */
@Named
@RequestScoped
public class AdminShell {

    @Inject
    SmtpSettingsAdmin settings;

    private StatusView status;

    @PostConstruct
    void load() {
        status = settings.status();
    }

    public StatusView getStatus() {
        return status;
    }

    public boolean isSmtpValid() {
        return status.isValid();
    }

    /** The first node whose SMTP check failed, or null. */
    public StatusView.Node getProblem() {
        return status.firstProblem().orElse(null);
    }

    public String getUser() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public void logout() throws ServletException, IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        var request = (HttpServletRequest) external.getRequest();
        String language = LocaleSwitch.chosen(FacesContext.getCurrentInstance());
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (language != null) {
            request.getSession(true).setAttribute(LocaleSwitch.SESSION_LOCALE, language);
        }
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }
}
