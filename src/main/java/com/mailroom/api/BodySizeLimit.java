package com.mailroom.api;

import com.mailroom.errors.BodyTooLarge;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a declared oversized body before a byte of it is read (a client that sent {@code Expect: 100-continue}
 * never has to send it). Bodies without a length are bounded while they are read, in {@link JsonBodies}.
 * <p>
 * The limit is 1 MiB everywhere except {@code POST /api/v1/mail}, which carries attachments: there it follows
 * {@code mailroom.mail.max-size-bytes} (the largest mail, 25 MiB by default), grown by a third for base64 and by
 * 1 MiB for the JSON around it. {@code POST /api/v1/mail/batch} has the same limit: all mails of a batch together
 * may be as large as one largest mail, so a batch costs the heap no more than a single mail does.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final String MAIL_PATH = "v1/mail";
    static final String BATCH_PATH = MAIL_PATH + "/batch";

    private final int mailLimit = mailRequestLimit(ConfigProvider.getConfig(BodySizeLimit.class.getClassLoader())
            .getOptionalValue("mailroom.mail.max-size-bytes", Long.class)
            .orElse(25L * 1024 * 1024));

    @Override
    public void filter(ContainerRequestContext request) {
        int limit = limitFor(request.getUriInfo().getPath());
        if (request.getLength() > limit) {
            request.abortWith(ErrorMappers.response(new BodyTooLarge(limit)));
        }
    }

    int limitFor(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        boolean mail =
                p.equals(MAIL_PATH) || p.equals(BATCH_PATH) || p.equals(MAIL_PATH + "/") || p.equals(BATCH_PATH + "/");
        return mail ? mailLimit : JsonBodies.MAX_BYTES;
    }

    int mailLimit() {
        return mailLimit;
    }

    static int mailRequestLimit(long maxMailBytes) {
        long limit = maxMailBytes / 3 * 4 + 8 + JsonBodies.MAX_BYTES;
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(JsonBodies.MAX_BYTES, limit));
    }
}
