package com.mailroom.api;

import com.mailroom.platform.JsonErrors;
import com.mailroom.platform.Text;
import com.mailroom.users.boundary.ApiAccess;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for answers the container gives before the application sees the request (a 403 from the security
 * constraint, a 404 outside JAX-RS): JSON in the spec's error shape under {@code /api}, the Facelets page {@code
 * /error.xhtml}
 * elsewhere.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    static final String PAGE = "/error.xhtml";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = (status == 403
                        ? RolesAllowedCheck.forbidden(request.getAttribute(ApiAccess.GRANT))
                        : ErrorMappers.protocolText(status, Text.of("error.api.serverLog")))
                .english();
        if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
            JsonErrors.write(response, status, message);
        } else if (!response.isCommitted()) {
            response.setStatus(status);
            // the Facelets error page: translated, in the site's layout; it reads the status from the request
            request.getRequestDispatcher(PAGE).forward(request, response);
        }
    }
}
