package dev.runtape.ledger.log;

import java.util.regex.Pattern;

/**
 * The name of one stream: one aggregate's statements, chained by {@code prev}. It is the statement's {@code sub}
 * claim and has the form {@code kind/id}, with the kinds of the design (statement.cddl, {@code stream-id}).
 */
public record StreamId(String value) {

    private static final Pattern FORM = Pattern.compile("(task|operator|trajectory|dataset)/[^/]{1,200}");

    /** The kinds of aggregate a stream can belong to. */
    public enum Kind {
        TASK, OPERATOR, TRAJECTORY, DATASET;

        String prefix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public StreamId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a stream id (kind/id with kind task, operator, trajectory or "
                    + "dataset, and an id of 1 to 200 characters without '/'): \"" + value + "\"");
        }
    }

    /** The stream of the aggregate {@code id} of the given kind. */
    public static StreamId of(Kind kind, String id) {
        return new StreamId(kind.prefix() + "/" + id);
    }

    /** Whether {@code value} is a well-formed stream id. */
    public static boolean isValid(String value) {
        return FORM.matcher(value).matches();
    }

    public Kind kind() {
        return Kind.valueOf(value.substring(0, value.indexOf('/')).toUpperCase(java.util.Locale.ROOT));
    }

    /** The aggregate's own id: what follows the kind. */
    public String aggregateId() {
        return value.substring(value.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
