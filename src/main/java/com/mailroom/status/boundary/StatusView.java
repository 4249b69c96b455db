package com.mailroom.status.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/smtp/status} (docs/api.md): valid when every node that has checked is valid. */
public record StatusView(@JsonbProperty("is_valid") boolean isValid, String mode, int nodeCount, List<Node> nodeStatus)
        implements Serializable {

    public record Node(
            String hostname, @JsonbProperty("is_valid") boolean isValid, String message, String checkedAt)
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
