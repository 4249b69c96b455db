package com.mailroom.audit.boundary;

import com.mailroom.audit.entity.AuditEntry;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.temporal.ChronoUnit;

/** An audit entry as the API and the Audit page show it (docs/api.md "Audit trail"). */
@JsonbPropertyOrder({"at", "actor", "kind", "detail", "client", "node"})
public record AuditView(String at, String actor, String kind, String detail, String client, String node) {

    static AuditView of(AuditEntry e) {
        return new AuditView(
                e.getAt().toInstant().truncatedTo(ChronoUnit.MILLIS).toString(),
                e.getActor(),
                e.getKind(),
                e.getDetail(),
                e.getClient(),
                e.getNode());
    }
}
