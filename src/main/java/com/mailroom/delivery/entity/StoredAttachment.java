package com.mailroom.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One attachment of an {@link OutboundMail}, without its content (kept as base64 chunks, see V5__content_chunks.sql). */
@Embeddable
public class StoredAttachment {

    private String filename;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    protected StoredAttachment() {}

    public StoredAttachment(String filename, String contentType, long sizeBytes) {
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }
}
