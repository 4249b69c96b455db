package com.mailroom.sending.entity;

import com.mailroom.platform.Text;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The TLS protocol versions an admin can choose; older ones are disabled by the JDK and refused by validation. */
public enum TlsVersion {
    TLSv1_2(List.of("TLSv1.2")),
    TLSv1_3(List.of("TLSv1.3")),
    TLSv1_2_OR_NEWER(List.of("TLSv1.2", "TLSv1.3"));

    private final List<String> protocols;

    TlsVersion(List<String> protocols) {
        this.protocols = protocols;
    }

    /** The JSSE protocol names to enable. */
    public List<String> protocols() {
        return protocols;
    }

    /** TLS 1.1 and older, asked for by name: refused with the explanation an admin needs. */
    public static final class Refused extends IllegalArgumentException {
        private final transient Text text;

        Refused(Text text) {
            super(text.english());
            this.text = text;
        }

        public Text text() {
            return text;
        }
    }

    /**
     * Parses the JSON / form value ({@code TLSv1_2}, also written {@code TLSv1.2}, in any case).
     *
     * @throws Refused for TLS 1.1 and older
     */
    public static Optional<TlsVersion> fromWire(String value) {
        String normal = value.replace('.', '_').toUpperCase(Locale.ROOT);
        for (TlsVersion v : values()) {
            if (v.name().toUpperCase(Locale.ROOT).equals(normal)) {
                return Optional.of(v);
            }
        }
        if (Set.of("TLSV1", "TLSV1_0", "TLSV1_1", "SSLV3", "SSLV2").contains(normal)) {
            throw new Refused(Text.of("field.tls_version.insecure", value, allowed()));
        }
        return Optional.empty();
    }

    public static String allowed() {
        return "TLSv1_2 (recommended), TLSv1_3, TLSv1_2_OR_NEWER";
    }
}
