package com.mailroom.api;

import com.mailroom.errors.BodyTooLarge;
import com.mailroom.platform.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds API bodies that declare no length (chunked): at most the path's limit ({@link BodySizeLimit#limitFor}) plus
 * one byte is read before anything else happens — authentication of a token, form parsing, JSON — and a longer body
 * is refused with 413 and the connection closed. Without this, {@code POST /api/4.0/login} (open to anyone) read a
 * 30 MB chunked form whole before its 401. Bodies with a {@code Content-Length} are judged by it before a byte is
 * read ({@link BodySizeLimit}); this filter passes them through.
 */
@WebFilter("/api/*")
public class UnsizedBodyLimit extends HttpFilter {

    private final BodySizeLimit limits = new BodySizeLimit();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        int limit = limits.limitFor(path);
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            response.setHeader("Connection", "close"); // the rest of the body is not read
            JsonErrors.write(response, 413, new BodyTooLarge(limit).getMessage());
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    /** The request with its body already read into memory (at most the limit). */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was read already; there is nothing to wait for.");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
