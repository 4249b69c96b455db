package com.mailroom.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a declared oversized body before a byte of it is read (a client that sent {@code Expect: 100-continue}
 * never has to send it). Bodies without a length are bounded while they are read, in {@link JsonBodies}.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > JsonBodies.MAX_BYTES) {
            request.abortWith(ErrorMappers.response(413,
                    ErrorBody.of("The request body is larger than " + JsonBodies.MAX_BYTES / 1024 + " KiB.")));
        }
    }
}
