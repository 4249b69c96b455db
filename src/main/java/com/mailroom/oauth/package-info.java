/**
 * OAuth 2.0 for SMTP (docs/product.md R5, R14): the client-credentials grant through a MicroProfile REST Client built
 * at run
 * time, a single-flight token cache, and SASL XOAUTH2 with one retry after a rejected token. See
 * {@code control/package-info.java} for the decisions.
 */
package com.mailroom.oauth;
