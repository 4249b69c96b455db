package com.mailroom.admin;

import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.settings.boundary.SmtpSettingsAdmin;
import com.mailroom.settings.boundary.SmtpSettingsView;
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
import java.time.Duration;
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

    /** A certificate this close to its expiry gets the warning banner (docs/pages.md "Admin › SMTP"). */
    static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);

    private List<NodeCheck> checks;
    private Instant certificateExpiresAt;

    @PostConstruct
    void load() {
        checks = settings.checks();
        SmtpSettingsView view = settings.view();
        boolean inUse = !view.defaultSmtp()
                && AuthType.OAUTH.wireName().equals(view.authType())
                && ClientAuth.CERTIFICATE.wireName().equals(view.oauthClientAuth())
                && view.clientCertificateSet();
        certificateExpiresAt =
                inUse && view.certificateExpiresAt() != null ? Instant.parse(view.certificateExpiresAt()) : null;
    }

    /** Every node alive and what it says about the settings in use. */
    public List<NodeCheck> getChecks() {
        return checks;
    }

    /** No node has found that the settings in use fail (nodes still checking them are not counted against them). */
    public boolean isSmtpValid() {
        return checks.stream().noneMatch(NodeCheck::isInvalid);
    }

    /** When the certificate of the settings in use expires; null when they use none. */
    public Instant getCertificateExpiresAt() {
        return certificateExpiresAt;
    }

    /**
     * The certificate banner's state: {@code expired}, {@code expiring} (within {@link #CERTIFICATE_WARNING}), or
     * null when the settings in use have no certificate or a long valid one.
     */
    public String getCertificateAlert() {
        return certificateAlert(certificateExpiresAt, Instant.now());
    }

    static String certificateAlert(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return null;
        }
        if (!expiresAt.isAfter(now)) {
            return "expired";
        }
        return expiresAt.isBefore(now.plus(CERTIFICATE_WARNING)) ? "expiring" : null;
    }

    /** The sidebar's warning icon: SMTP fails on some node, or the certificate in use expires soon or has. */
    public boolean isSmtpWarning() {
        return !isSmtpValid() || getCertificateAlert() != null;
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
