package com.mailroom.api;

import com.mailroom.status.boundary.SmtpStatus;
import com.mailroom.status.boundary.StatusView;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The SMTP status in the v1 shape and in the peer's 4.0 shape (SPEC §4). */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SmtpStatusResource {

    @Inject
    SmtpStatus status;

    @GET
    @Path("v1/smtp/status")
    public StatusView status() {
        return status.view();
    }

    @GET
    @Path("4.0/smtp_status")
    public LegacyStatus legacyStatus() {
        StatusView view = status.view();
        return new LegacyStatus(view.isValid(), view.nodeCount(), view.nodeStatus().stream()
                .map(n -> new LegacyStatus.Node(n.isValid(), n.message(), n.hostname())).toList());
    }

    @JsonbPropertyOrder({"isValid", "nodeCount", "nodeStatus"})
    public record LegacyStatus(@JsonbProperty("is_valid") boolean isValid, int nodeCount, List<Node> nodeStatus) {
        @JsonbPropertyOrder({"isValid", "message", "hostname"})
        public record Node(@JsonbProperty("is_valid") boolean isValid, String message, String hostname) {
        }
    }
}
