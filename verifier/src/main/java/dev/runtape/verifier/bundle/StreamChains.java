package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The chain of every stream in a bundle, followed statement by statement in bundle order: each stream starts at
 * revision 0 with a zero prev, and each later statement is the next revision and names the previous one's digest as
 * its prev. The workers find each statement's stream ({@link #linkOf}), thread-safe; the reading thread alone links
 * ({@link #link}), and so alone reads and moves the heads.
 */
final class StreamChains {

    /**
     * A stream, found by its name once, by the worker that read its statement, so that the reading thread follows
     * its head without looking its name up: a name another core made is a cache miss or two at every statement.
     * Immutable, as the workers read it: its head is kept apart, by its number.
     */
    record Stream(String name, int number) {
    }

    /**
     * A stream's head: the last revision linked, that statement's digest and where the manifest lists it (-1 if
     * nowhere). The reading thread's alone, made by it: on a line of its own, not next to what the workers read,
     * which each move of the head would take from their caches.
     */
    private static final class Head {
        private long revision;
        private Digest digest = Digest.ZERO;
        private int listed;
    }

    /** What a statement's link is made of: its stream, its revision, the digest it names as prev, its own digest. */
    record Link(Stream stream, long revision, Digest prev, Digest digest) {

        /** The statement as its stream and revision name it: {@code trajectory/t-1 #3}. */
        String position() {
            return stream.name() + " #" + revision;
        }
    }

    private final ConcurrentHashMap<String, Stream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();
    /** Each stream's head by its number; null until its first statement is linked. */
    private Head[] heads = new Head[64];
    private int linked;

    /** The link of {@code statement}, its stream found or made: thread-safe, for the workers. */
    Link linkOf(StatementFacts statement) {
        Stream stream = streams.get(statement.stream());
        if (stream == null) {
            stream = streams.computeIfAbsent(statement.stream(), name -> new Stream(name, numbers.getAndIncrement()));
        }
        return new Link(stream, statement.revision(), statement.prev(), statement.digest());
    }

    private @Nullable Head head(Stream stream) {
        return stream.number() < heads.length ? heads[stream.number()] : null;
    }

    /**
     * Where the manifest likely lists {@code statement}: after the last statement of its stream; -1 for the first of
     * its stream, or when the last was not listed.
     */
    int listedAfter(Link statement) {
        Head head = head(statement.stream());
        return head == null || head.listed < 0 ? -1 : head.listed + 1;
    }

    /**
     * Links {@code statement} to its stream; null when it links, else why it does not.
     *
     * @param listed where the manifest lists it, or -1
     */
    @Nullable String link(Link statement, int listed) {
        Head head = head(statement.stream());
        String name = statement.stream().name();
        long revision = statement.revision();
        String reason = null;
        if (head == null) {
            if (revision != 0) {
                reason = "gap: the bundle's first statement of stream " + name + " is revision " + revision
                        + ", expected 0";
            } else if (!statement.prev().equals(Digest.ZERO)) {
                reason = "the first statement of stream " + name + " must have a zero prev, found "
                        + statement.prev();
            }
        } else if (revision == head.revision) {
            reason = "fork: a second statement at revision " + revision + " of stream " + name;
        } else if (revision < head.revision) {
            reason = "reordered: revision " + revision + " of stream " + name + " comes after revision "
                    + head.revision;
        } else if (revision > head.revision + 1) {
            reason = "gap: revision " + revision + " of stream " + name + " follows revision " + head.revision
                    + "; " + (revision - head.revision - 1) + " missing";
        } else if (!statement.prev().equals(head.digest)) {
            reason = "prev " + statement.prev() + " is not the digest of revision " + head.revision + " of stream "
                    + name + ", " + head.digest;
        }
        // The head moves forward only, so that one broken link is reported once, not at every later statement.
        if (head == null) {
            head = new Head();
            int number = statement.stream().number();
            if (number >= heads.length) {
                heads = Arrays.copyOf(heads, Math.max(2 * heads.length, number + 1));
            }
            heads[number] = head;
            linked++;
        } else if (revision <= head.revision) {
            return reason;
        }
        head.revision = revision;
        head.digest = statement.digest();
        head.listed = listed;
        return reason;
    }

    /** The streams whose statements were linked. */
    int streams() {
        return linked;
    }
}
