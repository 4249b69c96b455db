/**
 * OAuth 2.0 for SMTP (SASL XOAUTH2): access tokens from the client-credentials grant (with a client secret or a
 * certificate's signed client assertion) or a Google service account's JWT bearer grant, cached and renewed, and
 * the single retry when an SMTP server rejects a token. Built for Microsoft 365 ({@code smtp.office365.com:587},
 * STARTTLS, Token URL {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}, scope
 * {@code https://outlook.office365.com/.default}, the app needs {@code SMTP.SendAsApp}), which is turning basic
 * SMTP authentication off.
 * <p>
 * {@link com.mailroom.oauth.control.TokenRetry} is what the rest of Mailroom calls (it knows nothing of SMTP: the
 * caller says what a rejected token looks like);
 * {@link com.mailroom.oauth.control.TokenCache} keeps tokens; {@link com.mailroom.oauth.control.TokenEndpoint}
 * talks to the provider; a failed token request is a {@link com.mailroom.oauth.control.TokenFailure} that becomes a
 * test result at stage {@code token}.
 * <p>
 * Decisions:
 * <ul>
 * <li>The token request goes through a MicroProfile REST Client built at run time for the Token URL (the URL is a
 *     setting, not a deployment constant), with the SMTP connect and read timeouts. Its default exception mapper
 *     is switched off, so that a provider's 400/401 error body is read; the body is parsed with JSON-P and capped
 *     at 64 KiB.</li>
 * <li>The client secret is sent in the form by default (Entra ID documents that); HTTP Basic is available for
 *     providers that want it, with {@code client_id} then left out of the form.</li>
 * <li>Without a secret ({@link com.mailroom.oauth.control.ClientCredential}): a certificate's private key signs a
 *     client assertion (RFC 7523 section 2.2, Entra ID), or a service account's key signs the grant itself (RFC
 *     7523 section 2.1, Google with domain-wide delegation). {@link com.mailroom.oauth.control.Assertions} builds
 *     them with Nimbus JOSE+JWT, a new {@code jti} each time; keys are read from PEM with the JDK
 *     ({@link com.mailroom.oauth.control.Pems}). A rejected assertion is diagnosed by the provider's code
 *     ({@code AADSTS700027}, {@code AADSTS700024}, Google's {@code unauthorized_client} for missing delegation).</li>
 * <li>A token is reused until 60 s before it expires, or half its lifetime for short-lived tokens; without
 *     {@code expires_in} it is taken to live 5 minutes.</li>
 * <li>Concurrent callers for one key share one fetch (a future per key); failures are handed to every waiter and
 *     never cached. The key holds a SHA-256 hash of the secret or key material (and a service account's
 *     mailbox), never the material.</li>
 * <li>A rejected token (for SMTP: 535 at AUTH, also after an error challenge) is evicted (only if no one has
 *     replaced it yet) and the attempt made once more; any other failure is returned as it is. The cache is cleared
 *     by the settings component after every save.</li>
 * <li>Secrets and tokens never reach a log, an exception message, a result or a {@code toString()}; a provider's
 *     error text is checked for the secret before it is kept. The REST client registers no logging feature, so
 *     bodies are never logged. One caveat outside Mailroom's code: with HTTP Basic, the JDK's HTTP client
 *     ({@code sun.net.www.protocol.http.HttpURLConnection}) logs request headers, the {@code Authorization} header
 *     included, when an operator sets that logger to FINE. The default (secret in the form body) leaves no trace at
 *     any level; the tests capture every logger at ALL to prove it.</li>
 * <li>Building a REST client costs about 250 ms (Jersey sets up two HK2 service locators), the first one about 2 s
 *     in a fresh JVM: acceptable once per token lifetime, which the cache makes the only time it happens.</li>
 * </ul>
 */
package com.mailroom.oauth.control;
