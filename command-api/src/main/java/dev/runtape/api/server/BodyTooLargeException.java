package dev.runtape.api.server;

import java.io.IOException;

/** A request body went past the body limit while it was read (a chunked body, whose length was not announced). */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit, String setting) {
        super("the request body is larger than the limit of " + limit + " bytes (" + setting + ")");
    }
}
