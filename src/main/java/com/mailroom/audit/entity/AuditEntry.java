package com.mailroom.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the audit trail (V8__audit.sql); written once, never changed, deleted after the retention period. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    public static final int ACTOR_LENGTH = 255;
    public static final int DETAIL_LENGTH = 2000;
    public static final int CLIENT_LENGTH = 64;

    @Id
    private String id;

    private OffsetDateTime at;
    private String actor;
    private String kind;
    private String detail;
    private String client;
    private String node;

    protected AuditEntry() {}

    public AuditEntry(OffsetDateTime at, String actor, AuditKind kind, String detail, String client, String node) {
        this.id = UUID.randomUUID().toString();
        this.at = at;
        this.actor = bounded(actor == null ? "" : actor, ACTOR_LENGTH);
        this.kind = kind.wireName();
        this.detail = bounded(detail == null ? "" : detail, DETAIL_LENGTH);
        this.client = client == null ? null : bounded(client, CLIENT_LENGTH);
        this.node = bounded(node, ACTOR_LENGTH);
    }

    private static String bounded(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    public String getId() {
        return id;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }

    public String getClient() {
        return client;
    }

    public String getNode() {
        return node;
    }
}
