package com.mailroom.sending.control;

import com.mailroom.platform.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * An SSL socket factory that trusts the JDK's default CAs plus the CA(s) an admin pasted, for one connection.
 * <p>
 * Both sets go into one key store behind the standard PKIX trust manager, so chain building, expiry checks and the
 * host name check that Jakarta Mail requests (endpoint identification) stay the JDK's own; nothing is trusted
 * globally and nothing is ever "trust all".
 */
final class TrustedCas {

    private TrustedCas() {}

    /** The pasted CA cannot be read; its own type, so the probe does not mistake other argument errors for it. */
    static final class UnreadablePemException extends IllegalArgumentException {
        private final transient Text text;

        UnreadablePemException(Text text, Throwable cause) {
            super(text.english(), cause);
            this.text = text;
        }

        Text text() {
            return text;
        }
    }

    /**
     * @throws UnreadablePemException when the PEM holds no readable certificate
     */
    static SSLSocketFactory socketFactory(String pem) {
        Collection<? extends Certificate> pasted = parse(pem);
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate ca : jdkDefaultCas()) {
                trusted.setCertificateEntry("default-" + n++, ca);
            }
            for (Certificate ca : pasted) {
                trusted.setCertificateEntry("pasted-" + n++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS trust store", e);
        }
    }

    static Collection<? extends Certificate> parse(String pem) {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                throw new UnreadablePemException(Text.of("failure.pem.none"), null);
            }
            return certs;
        } catch (CertificateException e) {
            throw new UnreadablePemException(Text.of("failure.pem.invalid"), e);
        }
    }

    /** The CAs the JDK (or the server's configured trust store) trusts by default. */
    private static X509Certificate[] jdkDefaultCas() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
