package com.mailroom.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Set;

/**
 * The page language: the admin's choice from the EN/DE switch, kept in the session, else the browser's
 * Accept-Language as faces-config's locale-config resolves it. A plain session attribute rather than a
 * session-scoped bean, so the login can carry it into the new session it creates.
 */
@Named
@RequestScoped
public class LocaleSwitch {

    static final String SESSION_LOCALE = "mailroom.locale";
    private static final Set<String> SUPPORTED = Set.of("en", "de");

    public Locale getLocale() {
        FacesContext context = FacesContext.getCurrentInstance();
        String chosen = chosen(context);
        return chosen != null
                ? Locale.forLanguageTag(chosen)
                : context.getApplication().getViewHandler().calculateLocale(context);
    }

    /** Whether {@code language} is the page's language now: the EN/DE switch shows it pressed. */
    public boolean active(String language) {
        return getLocale().getLanguage().equals(language);
    }

    /** Switches the language and shows the same page again (a fresh GET). */
    public String use(String language) {
        FacesContext context = FacesContext.getCurrentInstance();
        remember(context, language);
        return context.getViewRoot().getViewId() + "?faces-redirect=true";
    }

    static String chosen(FacesContext context) {
        return (String) context.getExternalContext().getSessionMap().get(SESSION_LOCALE);
    }

    static void remember(FacesContext context, String language) {
        if (language != null && SUPPORTED.contains(language)) {
            context.getExternalContext().getSessionMap().put(SESSION_LOCALE, language);
        }
    }
}
