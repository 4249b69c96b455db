package com.mailroom.api;

import com.mailroom.delivery.boundary.MailView;
import com.mailroom.delivery.boundary.Outbox;
import com.mailroom.delivery.entity.MailStatus;
import com.mailroom.errors.InvalidInput;
import com.mailroom.platform.WireEnum;
import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/mail}: queue a mail (202 once it is stored), look it up, list per status, count, resend. */
@RolesAllowed(Users.ADMIN)
@Path(BodySizeLimit.MAIL_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    @Inject
    Outbox outbox;

    private final int maxBody = new BodySizeLimit().mailLimit();

    public record Queued(String id, String status) {}

    /** Admins, and tokens of scope send_mail (which note themselves as the mail's sender). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Users.ADMIN, ApiAccess.MAIL_SENDER})
    public Response queue(InputStream body, @Context HttpServletRequest request) {
        String id = outbox.queue(
                JsonRecords.bind(JsonBodies.object(body, false, maxBody), MailBody.class)
                        .message(),
                grant(request).map(ApiAccess.Grant::clientId).orElse(null));
        return Response.accepted(new Queued(id, MailStatus.QUEUED.wireName())).build();
    }

    /** Any mail for admins; for a send_mail token only one it queued (any other: 404, as if there were none). */
    @GET
    @Path("{id}")
    @RolesAllowed({Users.ADMIN, ApiAccess.MAIL_SENDER})
    public MailView get(@PathParam("id") String id, @Context HttpServletRequest request) {
        var grant = grant(request);
        if (grant.isPresent() && grant.get().sendMailOnly()) {
            return outbox.findQueuedBy(id, grant.get().clientId());
        }
        return outbox.find(id);
    }

    private static Optional<ApiAccess.Grant> grant(HttpServletRequest request) {
        return request.getAttribute(ApiAccess.GRANT) instanceof ApiAccess.Grant g ? Optional.of(g) : Optional.empty();
    }

    @GET
    public List<MailView> list(
            @QueryParam("status") String status,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        MailStatus wanted = status == null || status.isBlank()
                ? null
                : WireEnum.parse(MailStatus.class, status)
                        .orElseThrow(() ->
                                InvalidInput.of("status", "field.mustBe.oneOf", WireEnum.allowed(MailStatus.class)));
        return outbox.list(wanted, offset, limit);
    }

    @GET
    @Path("counts")
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        outbox.counts().forEach((s, n) -> counts.put(s.wireName(), n));
        return counts;
    }

    @POST
    @Path("{id}/resend")
    public MailView resend(@PathParam("id") String id) {
        return outbox.resend(id);
    }
}
