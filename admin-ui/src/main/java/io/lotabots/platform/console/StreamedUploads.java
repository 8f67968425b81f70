package io.lotabots.platform.console;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;

/**
 * Lets console uploads stream. Vaadin's {@code UploadHandler} first asks {@code getParts()} and reads the
 * multipart body itself, part by part as it arrives, when the container says the servlet takes no multipart
 * requests by {@code IllegalStateException}; Liberty says so by {@code UnsupportedOperationException}
 * (SRVE8020E), which fails the upload instead. For multipart requests this filter answers
 * {@code getParts()} the way Vaadin expects, so no container buffers the upload.
 */
@WebFilter("/*")
public class StreamedUploads implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && isMultipart(http)) {
            chain.doFilter(new StreamOnly(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean isMultipart(HttpServletRequest http) {
        String type = http.getContentType();
        return "POST".equals(http.getMethod())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** A multipart request whose body is only read as a stream. */
    private static final class StreamOnly extends HttpServletRequestWrapper {

        StreamOnly(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Collection<Part> getParts() {
            throw new IllegalStateException("the console reads multipart bodies as streams");
        }

        @Override
        public Part getPart(String name) {
            throw new IllegalStateException("the console reads multipart bodies as streams");
        }
    }
}
