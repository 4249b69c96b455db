package com.mailroom.settings.control;

import com.mailroom.errors.FieldError;
import com.mailroom.oauth.control.CertificateKey;
import com.mailroom.oauth.control.CredentialProblem;
import com.mailroom.oauth.control.ServiceAccountKey;
import java.time.Instant;
import java.util.List;

/**
 * Reads the OAuth key material a form brings (docs/product.md R5, R11): the certificate with its private key, a service
 * account's JSON key. What cannot be used is refused with the field named and nothing stored; what can is handed on
 * already parsed, so that its public facts can be kept next to the ciphertext.
 */
final class CredentialInputs {

    /** A certificate chain or a 4096-bit key in PEM is 2–7 KB; a Google JSON key about 2.4 KB. */
    static final int MAX_PEM = 16384;

    static final int MAX_JSON_KEY = 16384;

    private CredentialInputs() {}

    /** The parsed material; null where none was entered or it was refused. */
    record Read(CertificateKey certificate, ServiceAccountKey serviceAccount) {}

    static Read read(SettingsForm form, Instant now, List<FieldError> errors) {
        return new Read(certificate(form, now, errors), serviceAccount(form.getServiceAccountKey(), errors));
    }

    private static CertificateKey certificate(SettingsForm form, Instant now, List<FieldError> errors) {
        boolean certificate = entered(form.getClientCertificate());
        boolean key = entered(form.getClientPrivateKey());
        if (!certificate && !key) {
            return null;
        }
        if (!certificate || !key) {
            // one without the other cannot be checked against it, and a half-replaced pair would not work
            errors.add(FieldError.of(
                    certificate ? "client_private_key" : "client_certificate", "field.client_certificate.pair"));
            return null;
        }
        if (tooLong("client_certificate", form.getClientCertificate(), MAX_PEM, errors)
                | tooLong("client_private_key", form.getClientPrivateKey(), MAX_PEM, errors)) {
            return null;
        }
        try {
            return CertificateKey.parse(form.getClientCertificate(), form.getClientPrivateKey(), now);
        } catch (CertificateKey.Refused refused) {
            String field =
                    refused.part() == CertificateKey.Part.CERTIFICATE ? "client_certificate" : "client_private_key";
            errors.add(FieldError.of(
                    field, refused.problem().code(), refused.problem().arguments()));
            return null;
        }
    }

    private static ServiceAccountKey serviceAccount(String json, List<FieldError> errors) {
        if (!entered(json) || tooLong("service_account_key", json, MAX_JSON_KEY, errors)) {
            return null;
        }
        try {
            return ServiceAccountKey.parse(json);
        } catch (CredentialProblem problem) {
            errors.add(FieldError.of("service_account_key", problem.code(), problem.arguments()));
            return null;
        }
    }

    private static boolean entered(String value) {
        return value != null && !value.isEmpty();
    }

    private static boolean tooLong(String field, String value, int max, List<FieldError> errors) {
        if (value.length() > max) {
            errors.add(FieldError.of(field, "field.tooLong", max));
            return true;
        }
        return false;
    }
}
