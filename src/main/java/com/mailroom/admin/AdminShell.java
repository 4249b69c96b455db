package com.mailroom.admin;

import com.mailroom.settings.boundary.SmtpSettingsAdmin;
import com.mailroom.status.boundary.NodeCheck;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The admin template's data: who is signed in and whether SMTP works (the sidebar's warning icon and the SMTP page's
 * banner, docs/product.md R10) with the settings in use — a node that has not checked them yet is "checking", its
 * result about earlier settings is not shown — read once per request; and the logout.
 */
@Named
@RequestScoped
public class AdminShell {

    @Inject
    SmtpSettingsAdmin settings;

    private List<NodeCheck> checks;

    @PostConstruct
    void load() {
        checks = settings.checks();
    }

    /** Every node alive and what it says about the settings in use. */
    public List<NodeCheck> getChecks() {
        return checks;
    }

    /** No node has found that the settings in use fail (nodes still checking them are not counted against them). */
    public boolean isSmtpValid() {
        return checks.stream().noneMatch(NodeCheck::isInvalid);
    }

    /** Some node has not checked the settings in use yet: the page asks again until every node has. */
    public boolean isChecking() {
        return checks.stream().anyMatch(NodeCheck::isChecking);
    }

    /** The first node that found the settings in use failing, or null. */
    public NodeCheck getProblem() {
        return checks.stream().filter(NodeCheck::isInvalid).findFirst().orElse(null);
    }

    /**
     * A moment as text in the page's language, for browsers without script: mailroom.js replaces it with the time
     * in the admin's own time zone, or "2 minutes ago", from the {@code <time datetime>} around it.
     */
    public String localTime(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.LONG)
                .withLocale(FacesErrors.locale())
                .withZone(ZoneId.systemDefault())
                .format(at);
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
