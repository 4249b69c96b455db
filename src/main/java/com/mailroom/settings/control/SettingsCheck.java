package com.mailroom.settings.control;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.control.ReentryRule.Destination;
import com.mailroom.settings.control.ReentryRule.Secret;
import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * Everything a form must pass before it is saved or tested: the field rules, then the re-entry rule against what is
 * stored. The same check serves save and test, so a test can never use a stored secret that a save would refuse.
 */
public final class SettingsCheck {

    private SettingsCheck() {}

    /** The form, normalised and accepted, with what happens to each stored secret. */
    public record Accepted(SettingsForm form, Decision password, Decision clientSecret) {}

    /** @throws InvalidInput naming every field that breaks a rule; nothing has been changed then */
    public static Accepted check(SmtpSettings stored, SettingsForm form, boolean allowInsecureTokenUrl) {
        SmtpConfig before = stored.getConfig();
        SmtpConfig after = form.getConfig();
        SettingsRules.normalize(after);
        var errors = new ArrayList<>(SettingsRules.validate(form, allowInsecureTokenUrl));
        Decision password = ReentryRule.decide(
                Secret.PASSWORD,
                stored.getPasswordCiphertext() != null,
                Destination.ofPassword(before),
                Destination.ofPassword(after),
                form.getPassword(),
                after.passwordRequired());
        Decision clientSecret = ReentryRule.decide(
                Secret.CLIENT_SECRET,
                stored.getClientSecretCiphertext() != null,
                Destination.ofClientSecret(before),
                Destination.ofClientSecret(after),
                form.getClientSecret(),
                after.clientSecretRequired());
        addUnlessNamed(errors, password);
        addUnlessNamed(errors, clientSecret);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Accepted(form, password, clientSecret);
    }

    /** Which stored secrets must be entered again before the form can be saved or tested (for the page's hint). */
    public record Reentry(boolean password, boolean clientSecret) implements Serializable {}

    /**
     * The re-entry rule of {@link #check} alone: a stored secret that the form's settings need but whose
     * destination changed. Normalises the form as a save would.
     */
    public static Reentry reentry(SmtpSettings stored, SettingsForm form) {
        SmtpConfig before = stored.getConfig();
        SmtpConfig after = form.getConfig();
        SettingsRules.normalize(after);
        return new Reentry(
                stored.getPasswordCiphertext() != null
                        && after.passwordRequired()
                        && !Destination.ofPassword(before).equals(Destination.ofPassword(after)),
                stored.getClientSecretCiphertext() != null
                        && after.clientSecretRequired()
                        && !Destination.ofClientSecret(before).equals(Destination.ofClientSecret(after)));
    }

    /** A field with a format error already has its message; the re-entry message would only repeat it. */
    private static void addUnlessNamed(ArrayList<FieldError> errors, Decision decision) {
        decision.problem()
                .filter(p -> errors.stream().noneMatch(e -> e.field().equals(p.field())))
                .ifPresent(errors::add);
    }
}
