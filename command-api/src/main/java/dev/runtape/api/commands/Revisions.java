package dev.runtape.api.commands;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A stream's revision as an HTTP entity tag ({@code "7"}) and back from {@code If-Match}. */
public final class Revisions {

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private Revisions() {
    }

    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** The revision an {@code If-Match} header names; empty when there is no header. */
    public static OptionalLong ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        Matcher matcher = TAG.matcher(header.trim());
        if (!matcher.matches()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "If-Match must name one stream revision, e.g. "
                    + "\"7\" (the ETag of the stream's last answer), not " + header);
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }
}
