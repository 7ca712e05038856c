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

    /** A stream's last revision linked and its digest; moved forward in place, one lookup a statement. */
    private static final class Head {
        private long revision;
        private Digest digest;

        private Head(long revision, Digest digest) {
            this.revision = revision;
            this.digest = digest;
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

    /** Links {@code statement} to its stream; null when it links, else why it does not. */
    @Nullable String link(Link statement) {
        Head head = heads.get(statement.stream());
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
            heads.put(statement.stream(), new Head(revision, statement.digest()));
        } else if (revision > head.revision) {
            head.revision = revision;
            head.digest = statement.digest();
        }
        return reason;
    }

    int streams() {
        return heads.size();
    }
}
