package com.mailroom.status.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/smtp/status} (docs/api.md): valid when every node that has checked is valid. */
@Schema(description = "Whether mail can be sent, per node (docs/api.md \"Test and status\").")
public record StatusView(
        @Schema(required = true, description = "Every node's entry is valid (also when there is none).")
        @JsonbProperty("is_valid")
        boolean isValid,

        @Schema(
                required = true,
                enumeration = {"default", "custom"})
        String mode,

        @Schema(required = true) int nodeCount,

        @Schema(required = true, description = "Sorted by host name.")
        List<Node> nodeStatus)
        implements Serializable {

    @Schema(name = "NodeStatus", description = "One node's last check, test or delivery.")
    public record Node(
            @Schema(required = true) String hostname,

            @Schema(required = true) @JsonbProperty("is_valid")
            boolean isValid,

            @Schema(description = "What failed, with a hint; null while valid.")
            String message,

            @Schema(description = "UTC.") String checkedAt)
            implements Serializable {}

    /** Valid when every node that has checked is valid; {@code mode} is "default" or "custom". */
    public static StatusView of(String mode, List<Node> nodes) {
        return new StatusView(nodes.stream().allMatch(Node::isValid), mode, nodes.size(), nodes);
    }

    /** The first invalid node, for the banner. */
    public Optional<Node> firstProblem() {
        return nodeStatus.stream().filter(n -> !n.isValid()).findFirst();
    }
}
