package dev.runtape.api.metrics;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Reports every problem document Spring MVC writes, whichever handler made it, so that handlers added later are
 * counted without knowing of metrics.
 */
@ControllerAdvice
public class ProblemBodyAdvice implements ResponseBodyAdvice<Object> {

    private final RejectedRequests rejected;

    public ProblemBodyAdvice(RejectedRequests rejected) {
        this.rejected = rejected;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            rejected.sent(problem);
        }
        return body;
    }
}
