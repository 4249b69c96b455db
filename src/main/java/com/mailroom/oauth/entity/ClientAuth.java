package com.mailroom.oauth.entity;

import com.mailroom.platform.WireEnum;

/**
 * How Mailroom proves to the token endpoint who it is. {@code client_secret}: a shared secret (client-credentials
 * grant, RFC 6749 4.4). {@code certificate}: a JWT signed with the app's private key, the certificate registered
 * with the provider (RFC 7523 section 2.2, {@code private_key_jwt}; Microsoft Entra ID). {@code service_account}: a
 * Google service account's JSON key, whose signed JWT is itself the grant (RFC 7523 section 2.1) and names the
 * mailbox it acts for (domain-wide delegation).
 */
public enum ClientAuth implements WireEnum {
    CLIENT_SECRET,
    CERTIFICATE,
    SERVICE_ACCOUNT;
}
