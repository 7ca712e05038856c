package dev.runtape.api.problem;

import java.util.Map;
import org.springframework.http.ProblemDetail;

/** Builds problem documents of a {@link ProblemType}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        return of(type, detail, Map.of());
    }

    public static ProblemDetail of(ProblemType type, String detail, Map<String, ?> extensions) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        extensions.forEach(problem::setProperty);
        return problem;
    }
}
