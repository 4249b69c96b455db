package com.mailroom.settings.control;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.control.ReentryRule.Destination;
import com.mailroom.settings.entity.SmtpSettings;
import java.util.ArrayList;

/**
 * Everything a form must pass before it is saved or tested: the field rules, then the re-entry rule against what is
 * stored. The same check serves save and test, so a test can never use a stored secret that a save would refuse.
 */
public final class SettingsCheck {

    private SettingsCheck() {
    }

    /** The form, normalised and accepted, with what happens to each stored secret. */
    public record Accepted(SettingsForm form, Decision password, Decision clientSecret) {
    }

    /** @throws InvalidInput naming every field that breaks a rule; nothing has been changed then */
    public static Accepted check(SmtpSettings stored, SettingsForm form, boolean allowInsecureTokenUrl) {
        SettingsRules.normalize(form);
        var errors = new ArrayList<>(SettingsRules.validate(form, allowInsecureTokenUrl));
        Decision password = ReentryRule.decide("password", "Password", stored.getPasswordCiphertext() != null,
                passwordDestination(stored), passwordDestination(form), form.getPassword(), form.passwordRequired());
        Decision clientSecret = ReentryRule.decide("client_secret", "Client secret", stored.getClientSecretCiphertext() != null,
                clientSecretDestination(stored), clientSecretDestination(form), form.getClientSecret(),
                form.clientSecretRequired());
        addUnlessNamed(errors, password);
        addUnlessNamed(errors, clientSecret);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Accepted(form, password, clientSecret);
    }

    /** Which stored secrets must be entered again before the form can be saved or tested (for the page's hint). */
    public record Reentry(boolean password, boolean clientSecret) implements java.io.Serializable {
    }

    /**
     * The re-entry rule of {@link #check} alone: a stored secret that the form's settings need but whose
     * destination changed. Normalises the form as a save would.
     */
    public static Reentry reentry(SmtpSettings stored, SettingsForm form) {
        SettingsRules.normalize(form);
        return new Reentry(
                stored.getPasswordCiphertext() != null && form.passwordRequired()
                        && !passwordDestination(stored).equals(passwordDestination(form)),
                stored.getClientSecretCiphertext() != null && form.clientSecretRequired()
                        && !clientSecretDestination(stored).equals(clientSecretDestination(form)));
    }

    private static int storedPort(SmtpSettings stored) {
        return stored.getPort() != null ? stored.getPort() : stored.getTlsMode().defaultPort();
    }

    private static Destination passwordDestination(SmtpSettings s) {
        return Destination.ofPassword(s.getAddress(), storedPort(s), s.getTlsMode(), s.getUserName());
    }

    private static Destination passwordDestination(SettingsForm f) {
        return Destination.ofPassword(f.getAddress(), f.effectivePort(), f.getTlsMode(), f.getUserName());
    }

    private static Destination clientSecretDestination(SmtpSettings s) {
        return Destination.ofClientSecret(s.getAddress(), storedPort(s), s.getTlsMode(), s.getUserName(),
                s.getTokenEndpoint(), s.getClientId());
    }

    private static Destination clientSecretDestination(SettingsForm f) {
        return Destination.ofClientSecret(f.getAddress(), f.effectivePort(), f.getTlsMode(), f.getUserName(),
                f.getTokenEndpoint(), f.getClientId());
    }

    /** A field with a format error already has its message; the re-entry message would only repeat it. */
    private static void addUnlessNamed(ArrayList<FieldError> errors, Decision decision) {
        decision.problem().filter(p -> errors.stream().noneMatch(e -> e.field().equals(p.field()))).ifPresent(errors::add);
    }
}
