package dev.runtape.api.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.metrics.RejectedRequests;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.api.security.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to {@code runtape.limits.body}, before anything reads it: a body announced larger is
 * answered 413 at once, and a chunked body fails with {@link BodyTooLargeException} as it crosses the limit. Artifact
 * uploads are exempt: they stream into the content store, which holds them to {@code runtape.limits.artifact}; a
 * trajectory file sent to {@code /imports} is held to {@code runtape.limits.import-file} instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodyLimitFilter extends OncePerRequestFilter {

    private static final Pattern ARTIFACTS = Pattern.compile("/trajectories/[^/]+/artifacts");
    private static final String IMPORTS = "/imports";

    private final long limit;
    private final long importLimit;
    private final ProblemWriter problems;

    public BodyLimitFilter(RuntapeProperties properties, ObjectMapper json, RejectedRequests rejected) {
        this.limit = properties.limits().body().toBytes();
        this.importLimit = properties.limits().importFile().toBytes();
        this.problems = new ProblemWriter(json, rejected);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ARTIFACTS.matcher(request.getRequestURI()).matches()) {
            chain.doFilter(request, response);
            return;
        }
        boolean imports = request.getRequestURI().equals(IMPORTS);
        long allowed = imports ? importLimit : limit;
        String setting = imports ? "runtape.limits.import-file" : "runtape.limits.body";
        if (request.getContentLengthLong() > allowed) {
            problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, "the request body has "
                    + request.getContentLengthLong() + " bytes; the limit is " + allowed + " (" + setting + ")");
            return;
        }
        chain.doFilter(new Limited(request, allowed, setting), response);
    }

    /** The request with its body counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private final String setting;
        private @Nullable ServletInputStream stream;

        Limited(HttpServletRequest request, long limit, String setting) {
            super(request);
            this.limit = limit;
            this.setting = setting;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit, setting);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final String setting;
        private long read;

        Counting(ServletInputStream in, long limit, String setting) {
            this.in = in;
            this.limit = limit;
            this.setting = setting;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit, setting);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
