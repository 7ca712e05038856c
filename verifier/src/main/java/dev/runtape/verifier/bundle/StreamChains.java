package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The chain of every stream in a bundle, followed statement by statement in bundle order: each stream starts at
 * revision 0 with a zero prev, and each later statement is the next revision and names the previous one's digest as
 * its prev. Not thread-safe: the reading thread alone links.
 */
final class StreamChains {

    /**
     * A stream's last revision linked, its digest and the number the manifest lists it under (-1 if none); moved
     * forward in place.
     */
    private static final class Head {
        private long revision;
        private Digest digest;
        private int listed;

        private Head(long revision, Digest digest, int listed) {
            this.revision = revision;
            this.digest = digest;
            this.listed = listed;
        }
    }

    /** What a statement's link is made of: its stream, its revision, the digest it names as prev, its own digest. */
    record Link(String stream, long revision, Digest prev, Digest digest) {

        /** Made by a worker, which also computes the stream's hash, so the reading thread finds it cached. */
        static Link of(StatementFacts statement) {
            statement.stream().hashCode();
            return new Link(statement.stream(), statement.revision(), statement.prev(), statement.digest());
        }

        /** The statement as its stream and revision name it: {@code trajectory/t-1 #3}. */
        String position() {
            return stream + " #" + revision;
        }
    }

    private final Map<String, Head> heads = new HashMap<>();
    private @Nullable Link lastLooked;
    private @Nullable Head lastHead;

    /**
     * Where the manifest likely lists {@code statement}: after the last statement of its stream; -1 for the first of
     * its stream, or when the last was not listed.
     */
    int listedAfter(Link statement) {
        Head head = head(statement);
        return head == null || head.listed < 0 ? -1 : head.listed + 1;
    }

    /** The head of the statement's stream; the last one looked up is kept, as {@link #link} follows for the same. */
    private @Nullable Head head(Link statement) {
        if (statement != lastLooked) {
            lastLooked = statement;
            lastHead = heads.get(statement.stream());
        }
        return lastHead;
    }

    /**
     * Links {@code statement} to its stream; null when it links, else why it does not.
     *
     * @param listed where the manifest lists it, or -1
     */
    @Nullable String link(Link statement, int listed) {
        Head head = head(statement);
        long revision = statement.revision();
        String reason = null;
        if (head == null) {
            if (revision != 0) {
                reason = "gap: the bundle's first statement of stream " + statement.stream() + " is revision "
                        + revision + ", expected 0";
            } else if (!statement.prev().equals(Digest.ZERO)) {
                reason = "the first statement of stream " + statement.stream() + " must have a zero prev, found "
                        + statement.prev();
            }
        } else if (revision == head.revision) {
            reason = "fork: a second statement at revision " + revision + " of stream " + statement.stream();
        } else if (revision < head.revision) {
            reason = "reordered: revision " + revision + " of stream " + statement.stream() + " comes after revision "
                    + head.revision;
        } else if (revision > head.revision + 1) {
            reason = "gap: revision " + revision + " of stream " + statement.stream() + " follows revision "
                    + head.revision + "; " + (revision - head.revision - 1) + " missing";
        } else if (!statement.prev().equals(head.digest)) {
            reason = "prev " + statement.prev() + " is not the digest of revision " + head.revision + " of stream "
                    + statement.stream() + ", " + head.digest;
        }
        // The head moves forward only, so that one broken link is reported once, not at every later statement.
        if (head == null) {
            lastHead = new Head(revision, statement.digest(), listed);
            heads.put(statement.stream(), lastHead);
        } else if (revision > head.revision) {
            head.revision = revision;
            head.digest = statement.digest();
            head.listed = listed;
        }
        return reason;
    }

    int streams() {
        return heads.size();
    }
}
