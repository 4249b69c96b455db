package com.mailroom.settings.control;

import com.mailroom.platform.NodeName;
import com.mailroom.platform.Text;
import com.mailroom.platform.WireEnum;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.Stage;
import com.mailroom.sending.control.Timeouts;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's built-in relay ({@code mailroom.default-smtp.*}), used for "Use default email settings". Its TLS
 * mode defaults to STARTTLS (never silently clear text), its From to {@code Mailroom <mailroom@<node>>}.
 */
@ApplicationScoped
public class DefaultRelay {

    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.port")
    Optional<Integer> port;

    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.tls-mode", defaultValue = "starttls")
    String tlsMode;

    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.password")
    Optional<String> password;

    Destination destination(Timeouts timeouts) {
        if (host.filter(h -> !h.isBlank()).isEmpty()) {
            return Destination.unusable(Stage.CONNECT, Text.of("failure.noDefaultRelay"));
        }
        TlsMode mode = WireEnum.parse(TlsMode.class, tlsMode).orElse(TlsMode.STARTTLS);
        boolean auth = username.filter(u -> !u.isBlank()).isPresent();
        try {
            return Destination.of(
                    new SmtpTarget(
                            host.get().strip(),
                            port.orElse(mode.defaultPort()),
                            mode,
                            TlsVersion.TLSv1_2_OR_NEWER,
                            null,
                            auth ? AuthType.BASIC : AuthType.NONE,
                            AuthMechanism.AUTO,
                            username.orElse(null),
                            password.orElse(null),
                            from.orElse("Mailroom <mailroom@" + NodeName.get() + ">"),
                            timeouts,
                            NodeName.get()),
                    null);
        } catch (IllegalArgumentException misconfigured) {
            return Destination.unusable(
                    Stage.CONNECT, Text.of("failure.defaultRelayMisconfigured", misconfigured.getMessage()));
        }
    }
}
