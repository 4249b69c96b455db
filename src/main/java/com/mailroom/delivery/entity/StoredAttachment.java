package com.mailroom.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One attachment of an {@link OutboundMail}, its content as base64 text (see V3__outbox.sql for why). */
@Embeddable
public class StoredAttachment {

    private String filename;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "content_base64")
    private String contentBase64;

    protected StoredAttachment() {}

    public StoredAttachment(String filename, String contentType, long sizeBytes, String contentBase64) {
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.contentBase64 = contentBase64;
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

    public String getContentBase64() {
        return contentBase64;
    }
}
