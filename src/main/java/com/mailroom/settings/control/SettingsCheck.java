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
        int storedPort = stored.getPort() != null ? stored.getPort() : stored.getTlsMode().defaultPort();

        Decision password = ReentryRule.decide("password", "Password", stored.getPasswordCiphertext() != null,
                Destination.ofPassword(stored.getAddress(), storedPort, stored.getTlsMode(), stored.getUserName()),
                Destination.ofPassword(form.getAddress(), form.effectivePort(), form.getTlsMode(), form.getUserName()),
                form.getPassword(), form.passwordRequired());
        Decision clientSecret = ReentryRule.decide("client_secret", "Client secret", stored.getClientSecretCiphertext() != null,
                Destination.ofClientSecret(stored.getAddress(), storedPort, stored.getTlsMode(), stored.getUserName(),
                        stored.getTokenEndpoint(), stored.getClientId()),
                Destination.ofClientSecret(form.getAddress(), form.effectivePort(), form.getTlsMode(), form.getUserName(),
                        form.getTokenEndpoint(), form.getClientId()),
                form.getClientSecret(), form.clientSecretRequired());
        addUnlessNamed(errors, password);
        addUnlessNamed(errors, clientSecret);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Accepted(form, password, clientSecret);
    }

    /** A field with a format error already has its message; the re-entry message would only repeat it. */
    private static void addUnlessNamed(ArrayList<FieldError> errors, Decision decision) {
        decision.problem().filter(p -> errors.stream().noneMatch(e -> e.field().equals(p.field()))).ifPresent(errors::add);
    }
}
