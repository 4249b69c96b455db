/**
 * The Faces pages' backing beans (docs/pages.md): login, the admin shell, Admin › SMTP and Users. They only map between
 * the pages and the boundaries the REST API calls too, so the page and the API can never disagree.
 * <p>
 * Decisions:
 * <ul>
 * <li>One {@code @ViewScoped} bean per page, state loaded in {@code @PostConstruct}, pure getters, Post-Redirect-Get
 * after a save, a message per input ({@link FacesErrors} maps the boundary's snake_case field names to client
 * ids), fixed ids ({@code prependId="false"}) for the browser tests.</li>
 * <li>Content-Security-Policy without inline script: Mojarra 4.0 renders {@code f:ajax} as inline event handlers,
 * which such a policy blocks. The pages therefore mark ajax inputs with {@code data-ajax-render} and
 * {@code mailroom.js} calls the standard {@code faces.ajax.request} on change: the same partial request, from a
 * script file.</li>
 * <li>Secrets are write-only ({@code h:inputSecret}, never redisplayed, {@code autocomplete="new-password"}); an
 * empty secret field submits null (web.xml interprets empty strings as null), which the boundary reads as "keep
 * the stored one", subject to the re-entry rule.</li>
 * <li>The language follows the browser's Accept-Language (faces-config) until the admin picks one with the EN/DE
 * switch; the choice lives in the session ({@link LocaleSwitch}) and survives the login.</li>
 * </ul>
 */
package com.mailroom.admin;
