package com.mailroom.oauth.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The token endpoint as a MicroProfile REST Client interface. There is no {@code @Path}: the client is built with
 * the Token URL itself as its base URI. Both methods return the raw {@link Response}, so that an OAuth error answer
 * (400/401 with a JSON body) can be read rather than thrown away.
 */
public interface TokenApi {

    /** The secret travels in the form ({@code client_secret_post}). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(Form form);

    /** The secret travels in an HTTP Basic {@code Authorization} header ({@code client_secret_basic}). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, Form form);
}
