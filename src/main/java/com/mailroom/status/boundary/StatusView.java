package com.mailroom.status.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** SPEC §4 {@code GET /api/v1/smtp/status}: valid when every node that has checked is valid. */
public record StatusView(@JsonbProperty("is_valid") boolean isValid, String mode, int nodeCount, List<Node> nodeStatus)
        implements java.io.Serializable {

    public record Node(String hostname, @JsonbProperty("is_valid") boolean isValid, String message, String checkedAt)
            implements java.io.Serializable {
    }

    /** The first invalid node, for the banner. */
    public java.util.Optional<Node> firstProblem() {
        return nodeStatus.stream().filter(n -> !n.isValid()).findFirst();
    }
}
