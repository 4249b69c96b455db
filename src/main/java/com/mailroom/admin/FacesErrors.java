package com.mailroom.admin;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.errors.MailroomException;
import com.mailroom.errors.RateLimited;
import com.mailroom.errors.StaleVersion;
import com.mailroom.platform.Text;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a boundary's {@link MailroomException} into Faces messages: one per input (the boundary names fields as the
 * JSON API does, {@code fieldIds} maps them to the page's client ids) and one global message under the buttons,
 * all in the page's language.
 */
final class FacesErrors {

    private FacesErrors() {}

    static void show(MailroomException e, Map<String, String> fieldIds) {
        FacesContext context = FacesContext.getCurrentInstance();
        var unplaced = new StringBuilder();
        int placed = 0;
        for (FieldError error : e.errors()) {
            String clientId = fieldIds.get(error.field());
            String message = error.text().in(locale());
            if (clientId != null && shown(context, clientId)) {
                context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
                placed++;
            } else {
                unplaced.append(' ').append(message);
            }
        }
        String global;
        if (e instanceof RateLimited limited) {
            global = text("error.rateLimited", limited.retryAfterSeconds());
        } else if (e instanceof StaleVersion) {
            global = text("error.stale");
        } else if (e instanceof InvalidInput) {
            // the marked fields carry their own messages; only those without a field of this page are repeated here
            global = placed > 0
                    ? text("error.invalid") + unplaced
                    : unplaced.length() > 0 ? unplaced.toString() : e.text().in(locale());
        } else {
            global = e.text().in(locale()) + unplaced;
        }
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, global.strip(), null));
        context.validationFailed();
    }

    /**
     * Whether the page shows this input now, so a message for it appears next to it: "Please correct the marked
     * fields" must mark a field, and an error for a field of another authentication type is said under the buttons.
     */
    private static boolean shown(FacesContext context, String clientId) {
        var shown = new boolean[1];
        context.getViewRoot().invokeOnComponent(context, clientId, (ctx, component) -> {
            shown[0] = true;
            for (UIComponent c = component; c != null; c = c.getParent()) {
                shown[0] &= c.isRendered();
            }
        });
        return shown[0];
    }

    /** A message that survives the redirect of Post-Redirect-Get. */
    static void flash(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    static String text(String key, Object... arguments) {
        return Text.of(key, arguments).in(locale());
    }

    /** The page's language, as the view was rendered in it ({@link LocaleSwitch}). */
    static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
