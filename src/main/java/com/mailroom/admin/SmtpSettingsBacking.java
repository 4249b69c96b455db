package com.mailroom.admin;

import com.mailroom.errors.MailroomException;
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
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

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
            Map.entry("token_endpoint", "tokenEndpoint"),
            Map.entry("scopes", "scopes"));

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
        reentry = new SettingsCheck.Reentry(false, false);
    }

    /** Before each render, full or ajax: whether the edited destination needs the secrets again. */
    public void refreshReentry() {
        reentry = admin.reentry(form);
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

    public AuthMechanism[] getAuthMechanisms() {
        return AuthMechanism.values();
    }
}
