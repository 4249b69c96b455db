package com.mailroom.admin;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.errors.MailroomException;
import com.mailroom.errors.RateLimited;
import com.mailroom.errors.StaleVersion;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Turns a boundary's {@link MailroomException} into Faces messages: one per input (the boundary names fields as the
 * JSON API does, {@code fieldIds} maps them to the page's client ids) and one global message under the buttons.
 * Field messages come from the boundary in English; the global ones are translated.
 */
final class FacesErrors {

    private FacesErrors() {
    }

    static void show(MailroomException e, Map<String, String> fieldIds) {
        FacesContext context = FacesContext.getCurrentInstance();
        var unplaced = new StringBuilder();
        int placed = 0;
        for (FieldError error : e.errors()) {
            String clientId = fieldIds.get(error.field());
            String message = localized(error);
            if (clientId != null) {
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
            global = placed > 0 ? text("error.invalid") + unplaced
                    : unplaced.length() > 0 ? unplaced.toString() : e.getMessage();
        } else {
            global = e.getMessage() + unplaced;
        }
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, global.strip(), null));
        context.validationFailed();
    }

    /**
     * The page language's wording of a broken rule where the bundle has one ({@code field.<code>}, in the German
     * bundle only), else the boundary's English sentence, which carries the details.
     */
    static String localized(FieldError error) {
        if (error.code() == null) {
            return error.message();
        }
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        String key = "field." + error.code();
        return bundle.containsKey(key) ? bundle.getString(key) : error.message();
    }

    /** A message that survives the redirect of Post-Redirect-Get. */
    static void flash(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        return new MessageFormat(bundle.getString(key), context.getViewRoot().getLocale()).format(arguments);
    }
}
