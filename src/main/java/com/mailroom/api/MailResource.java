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
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/mail}: queue a mail (202 once it is stored), look it up, list per status, count, resend or remove a
 * failed one.
 */
@RolesAllowed(Users.ADMIN)
@Path(BodySizeLimit.MAIL_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mail", description = "The outbox: queue mails, follow them, resend failed ones.")
public class MailResource {

    @Inject
    Outbox outbox;

    private final int maxBody = new BodySizeLimit().mailLimit();

    /** The most mails one batch request may carry ({@code mailroom.mail.batch-max}, taken between 1 and 10000). */
    private final int batchMax = Math.max(
            1,
            Math.min(
                    10_000,
                    ConfigProvider.getConfig(MailResource.class.getClassLoader())
                            .getOptionalValue("mailroom.mail.batch-max", Integer.class)
                            .orElse(MailBatch.DEFAULT_MAX)));

    @Schema(description = "A mail stored in the outbox.")
    public record Queued(
            @Schema(required = true, description = "Its id, for `GET /api/v1/mail/{id}`.")
            String id,

            @Schema(required = true, ref = "MailStatus") String status) {}

    @Schema(description = "Mails stored in the outbox, all in one transaction.")
    public record QueuedBatch(
            @Schema(required = true, description = "Their ids, in the order of `messages`.")
            List<String> ids,

            @Schema(required = true, ref = "MailStatus") String status) {}

    /** Admins, and tokens of scope send_mail (which note themselves as the mail's sender). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Queue a mail",
            description = "Stored (on the disk) before the answer; background workers deliver it, retrying with"
                    + " back-off.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MailBody")))
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Queued")))
    @APIResponse(responseCode = "413", description = "The body is larger than the largest mail allows")
    @APIResponse(responseCode = "422", description = "A field is missing, unknown, of the wrong type or breaks a rule")
    @RolesAllowed({Users.ADMIN, ApiAccess.MAIL_SENDER})
    public Response queue(InputStream body, @Context HttpServletRequest request) {
        String id = outbox.queue(
                JsonRecords.bind(JsonBodies.object(body, false, maxBody), MailBody.class)
                        .message(),
                grant(request).map(ApiAccess.Grant::clientId).orElse(null));
        return Response.accepted(new Queued(id, MailStatus.QUEUED.wireName())).build();
    }

    /**
     * Many mails at once, all or none: every mail is checked before any is stored, and the ids are answered only
     * after the one transaction that stores them all has committed.
     */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Queue many mails at once",
            description = "All or none: every mail is checked first (errors are named like `messages[3].to`), then"
                    + " all are stored in one transaction, on the disk before the answer. Same roles as"
                    + " `POST /api/v1/mail`.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MailBatch")))
    @APIResponse(
            responseCode = "202",
            description = "All queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueuedBatch")))
    @APIResponse(responseCode = "413", description = "The body is larger than the largest mail allows")
    @APIResponse(
            responseCode = "422",
            description = "No mails, too many, or a field of a mail is missing, unknown, of the wrong type or breaks a"
                    + " rule; nothing is stored")
    @RolesAllowed({Users.ADMIN, ApiAccess.MAIL_SENDER})
    public Response queueBatch(InputStream body, @Context HttpServletRequest request) {
        List<String> ids = outbox.queue(
                MailBatch.messages(JsonBodies.object(body, false, maxBody), batchMax),
                grant(request).map(ApiAccess.Grant::clientId).orElse(null));
        return Response.accepted(new QueuedBatch(ids, MailStatus.QUEUED.wireName()))
                .build();
    }

    /** Any mail for admins; for a send_mail token only one it queued (any other: 404, as if there were none). */
    @GET
    @Path("{id}")
    @Operation(summary = "One mail: its status, attempts and last error (never its content)")
    @APIResponse(responseCode = "default", description = "The mail")
    @APIResponse(responseCode = "404", description = "No such mail")
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
    @Operation(summary = "Mails, newest first")
    @APIResponse(responseCode = "default", description = "The mails")
    @APIResponse(responseCode = "422", description = "An unknown status")
    public List<MailView> list(
            @Parameter(description = "Only mails in this status; all when absent", schema = @Schema(ref = "MailStatus"))
                    @QueryParam("status")
                    String status,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "At most 100") @QueryParam("limit") @DefaultValue("50") int limit) {
        MailStatus wanted = status == null || status.isBlank()
                ? null
                : WireEnum.parse(MailStatus.class, status)
                        .orElseThrow(() ->
                                InvalidInput.of("status", "field.mustBe.oneOf", WireEnum.allowed(MailStatus.class)));
        return outbox.list(wanted, offset, limit);
    }

    @GET
    @Path("counts")
    @Operation(summary = "The number of mails per status, every status present")
    @APIResponse(
            responseCode = "200",
            description = "Counts by status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            additionalProperties = Long.class,
                                            example = "{\"queued\": 0, \"sending\": 2, \"sent\": 1480,"
                                                    + " \"retrying\": 3, \"failed\": 1}")))
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        outbox.counts().forEach((s, n) -> counts.put(s.wireName(), n));
        return counts;
    }

    /** Admins only (the class's role): a failed mail that is not to be resent. */
    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a failed mail with its content (recorded in the audit trail)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such mail")
    @APIResponse(responseCode = "409", description = "The mail is not failed")
    public Response remove(@PathParam("id") String id) {
        outbox.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/resend")
    @Operation(summary = "Queue a failed mail again (attempts back to 0)")
    @APIResponse(responseCode = "default", description = "The mail, now queued")
    @APIResponse(responseCode = "404", description = "No such mail")
    @APIResponse(responseCode = "409", description = "The mail is not failed")
    public MailView resend(@PathParam("id") String id) {
        return outbox.resend(id);
    }
}
