package com.mailroom.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** The API speaks snake_case and shows unset values as null (SPEC §4), so records map one to one. */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    /** One for the answers and the request records alike ({@link JsonRecords}): a Jsonb is thread-safe and costly. */
    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true)
            // a byte[] is an attachment's content, sent in base64; no answer has one
            .withBinaryDataStrategy(BinaryDataStrategy.BASE_64));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
