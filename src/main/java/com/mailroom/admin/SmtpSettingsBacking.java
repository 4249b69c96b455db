package com.mailroom.admin;

import com.mailroom.errors.MailroomException;
import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.boundary.SmtpSettingsAdmin;
import com.mailroom.settings.boundary.SmtpSettingsView;
import com.mailroom.settings.boundary.TestReport;
import com.mailroom.settings.control.SettingsCheck;
import com.mailroom.settings.control.SettingsForm;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admin › SMTP ({@code /admin/smtp.xhtml}): binds the page to a {@link SettingsForm} and calls
 * {@link SmtpSettingsAdmin}, exactly as the REST API does.
 */
@Named
@ViewScoped
public class SmtpSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The boundary's field names (as in the JSON API) → this page's input ids. */
    static final Map<String, String> FIELD_IDS = Map.ofEntries(
            Map.entry("default_smtp", "mode"),
            Map.entry("address", "address"),
            Map.entry("port", "port"),
            Map.entry("from", "from"),
            Map.entry("user_name", "userName"),
            Map.entry("password", "password"),
            Map.entry("tls_mode", "tlsMode"),
            Map.entry("tls_version", "tlsVersion"),
            Map.entry("trusted_ca_pem", "trustedCaPem"),
            Map.entry("auth_type", "authType"),
            Map.entry("auth_mechanism", "authMechanism"),
            Map.entry("client_id", "clientId"),
            Map.entry("client_secret", "clientSecret"),
            Map.entry("oauth_client_auth", "oauthClientAuth"),
            Map.entry("client_certificate", "clientCertificate"),
            Map.entry("client_private_key", "clientPrivateKey"),
            Map.entry("service_account_key", "serviceAccountKey"),
            Map.entry("token_endpoint", "tokenEndpoint"),
            Map.entry("scopes", "scopes"),
            Map.entry("max_mails_per_minute", "maxMailsPerMinute"));

    /** The write-only text areas of the OAuth key material. */
    static final Set<String> KEY_MATERIAL_IDS = Set.of("clientCertificate", "clientPrivateKey", "serviceAccountKey");

    @Inject
    SmtpSettingsAdmin admin;

    private SettingsForm form;
    private SmtpSettingsView stored;
    private SettingsCheck.Reentry reentry;
    private TestReport report;

    @PostConstruct
    void load() {
        form = admin.form();
        stored = admin.view();
        reentry = new SettingsCheck.Reentry(false, false, false, false);
    }

    /**
     * Before each render, full or ajax: whether the edited destination needs the secrets again; and the key material
     * forgotten, so that its text areas are never rendered with a value (after a refused save, a test, or a
     * conversion error elsewhere, Faces would otherwise write the submitted text back into the page).
     */
    public void refreshReentry() {
        reentry = admin.reentry(form);
        forgetKeyMaterial(FacesContext.getCurrentInstance());
    }

    private void forgetKeyMaterial(FacesContext context) {
        form.setClientCertificate(null);
        form.setClientPrivateKey(null);
        form.setServiceAccountKey(null);
        UIViewRoot root = context.getViewRoot();
        if (root == null) {
            return;
        }
        root.visitTree(VisitContext.createVisitContext(context), (visit, component) -> {
            if (component instanceof UIInput input && KEY_MATERIAL_IDS.contains(component.getId())) {
                input.resetValue();
            }
            return VisitResult.ACCEPT;
        });
    }

    public String save() {
        try {
            admin.save(form, caller());
        } catch (MailroomException e) {
            FacesErrors.show(e, FIELD_IDS);
            return null;
        }
        FacesErrors.flash("smtp.saved");
        return "/admin/smtp.xhtml?faces-redirect=true";
    }

    /** Sends the test mail through the form's values, saved or not (docs/product.md R8). */
    public void test() {
        report = null;
        try {
            report = admin.test(form, caller(), FacesErrors.locale());
        } catch (MailroomException e) {
            FacesErrors.show(e, FIELD_IDS);
        }
    }

    /**
     * The report's reply line: the server's code once ("535 5.7.8 …", not "535 535 5.7.8 …"), or, when no server
     * replied (dns, connect, timeout), what Mailroom found.
     */
    public String getReplyText() {
        return report == null ? null : replyText(report.smtpCode(), report.message());
    }

    /** The label of the reply line: "Server reply" only when a server sent it, else "Error". */
    public String getReplyLabel() {
        return FacesErrors.text(report != null && report.smtpCode() != null ? "test.reply" : "test.error");
    }

    static String replyText(Integer code, String message) {
        String text = message == null ? "" : message.strip();
        if (code == null || text.startsWith(String.valueOf(code))) {
            return text;
        }
        return (code + " " + text).strip();
    }

    /** Whether the field with this client id has an error message on this render (error style, aria-invalid). */
    public boolean failed(String clientId) {
        return FacesContext.getCurrentInstance().getMessageList(clientId).stream()
                .anyMatch(m -> m.getSeverity() == FacesMessage.SEVERITY_ERROR);
    }

    /**
     * The badge of a stored secret: "not set", "set", or — when the edited server would not get it — "set, but will
     * not be reused for the new server".
     */
    public String secretState(boolean set, boolean reenter) {
        return FacesErrors.text(!set ? "secret.notSet" : reenter ? "secret.notReused" : "secret.set");
    }

    /** The badge's style for {@link #secretState}. */
    public String secretStyle(boolean set, boolean reenter) {
        return !set ? "unset" : reenter ? "stale" : "set";
    }

    /** Each TLS mode's usual port, for mailroom.js to propose ("NONE:25 STARTTLS:587 IMPLICIT:465"). */
    public String getTlsPorts() {
        return Arrays.stream(TlsMode.values())
                .map(m -> m.name() + ":" + m.defaultPort())
                .collect(Collectors.joining(" "));
    }

    private static String caller() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public SettingsForm getForm() {
        return form;
    }

    public SmtpSettingsView getStored() {
        return stored;
    }

    public SettingsCheck.Reentry getReentry() {
        return reentry;
    }

    public TestReport getReport() {
        return report;
    }

    public TlsMode[] getTlsModes() {
        return TlsMode.values();
    }

    public TlsVersion[] getTlsVersions() {
        return TlsVersion.values();
    }

    public AuthType[] getAuthTypes() {
        return AuthType.values();
    }

    public ClientAuth[] getClientAuths() {
        return ClientAuth.values();
    }

    public AuthMechanism[] getAuthMechanisms() {
        return AuthMechanism.values();
    }
}
