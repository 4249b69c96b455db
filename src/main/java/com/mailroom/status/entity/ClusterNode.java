package com.mailroom.status.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A node sharing the database, and when it last said it is alive ({@code instance}: which process said so). */
@Entity
@Table(name = "cluster_node")
public class ClusterNode {

    @Id
    private String name;

    private String instance;

    @Column(name = "seen_at")
    private OffsetDateTime seenAt;

    protected ClusterNode() {}

    public ClusterNode(String name, String instance, OffsetDateTime seenAt) {
        this.name = name;
        this.instance = instance;
        this.seenAt = seenAt;
    }

    public void seen(String instance, OffsetDateTime at) {
        this.instance = instance;
        this.seenAt = at;
    }

    public String getName() {
        return name;
    }

    public String getInstance() {
        return instance;
    }

    public OffsetDateTime getSeenAt() {
        return seenAt;
    }
}
