package dev.runtape.ledger.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Combines requests that callers submit at the same time into one commit, so that many callers share one durable
 * write (one fsync) instead of queueing for one each.
 *
 * <p>Leader and followers: a caller queues its request and, if no commit is running, becomes the leader: it takes
 * every queued request (up to {@code maxWeight}, and always its own), hands them to the {@link Committer} in queue
 * order, and gives each caller its outcome. Requests that arrive while a commit runs wait for it to end; then the
 * first of them leads the next commit, which takes them all. A caller returns only when the commit that held its
 * request has ended, so it never sees an outcome that is not durable yet.
 *
 * <p>Safe for use by many threads at once. Waiting is not interruptible: a request may be in a commit already, and
 * its caller must learn how that commit ended. An interrupt is kept for the caller to see afterwards.
 *
 * @param <Q> a request
 * @param <A> what a request's caller gets back when its request holds
 */
public final class GroupCommit<Q, A> {

    /** Commits a group of requests in one transaction. */
    @FunctionalInterface
    public interface Committer<Q, A> {

        /**
         * Runs {@code group} in queue order, in one transaction, and returns one outcome per request in the same order.
         * A request that fails alone gets a {@link Outcome.Refused} while the others commit; when the transaction itself
         * fails, every request gets one. Must not throw: whatever it throws reaches every caller of the group.
         */
        List<Outcome<A>> commit(List<Q> group);
    }

    /** What became of one request. */
    public sealed interface Outcome<A> {

        /** The request holds; {@code value} goes to its caller. */
        record Done<A>(A value) implements Outcome<A> {
        }

        /** The request was refused or failed; its caller gets {@code failure} thrown. */
        record Refused<A>(RuntimeException failure) implements Outcome<A> {
        }
    }

    private final Committer<Q, A> committer;
    private final ToIntFunction<Q> weight;
    private final int maxWeight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnEnded = lock.newCondition();
    private final Deque<Waiter<Q, A>> queued = new ArrayDeque<>();
    private boolean committing;

    /**
     * @param weight what a request weighs (an append: its events), to bound a group's size
     * @param maxWeight how much one group may weigh: the requests that would go over it wait for the next commit,
     *     except the leader's own, which always goes in
     */
    public GroupCommit(Committer<Q, A> committer, ToIntFunction<Q> weight, int maxWeight) {
        if (maxWeight < 1) {
            throw new IllegalArgumentException("a group must be allowed to weigh at least 1: " + maxWeight);
        }
        this.committer = committer;
        this.weight = weight;
        this.maxWeight = maxWeight;
    }

    /**
     * Commits {@code request}, alone or with others, and returns its value once the commit has ended.
     *
     * @throws RuntimeException the failure the committer gave this request
     */
    public A submit(Q request) {
        Waiter<Q, A> mine = new Waiter<>(request);
        List<Waiter<Q, A>> group;
        lock.lock();
        try {
            queued.addLast(mine);
            // Only the first request queued may lead: whichever waiting caller woke first would take its own
            // request ahead of those queued before it.
            while (mine.outcome == null && (committing || queued.peekFirst() != mine)) {
                turnEnded.awaitUninterruptibly();
            }
            if (mine.outcome != null) {
                return mine.result();
            }
            // No commit is running and mine is first in the queue: this caller leads the next one.
            committing = true;
            group = takeGroup(mine);
        } finally {
            lock.unlock();
        }
        List<Outcome<A>> outcomes = commit(group);
        lock.lock();
        try {
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome = outcomes.get(i);
            }
            committing = false;
            turnEnded.signalAll();
        } finally {
            lock.unlock();
        }
        return mine.result();
    }

    /** How many requests wait for a commit to take them (not those in the running commit). */
    int waiting() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the leader's own request and as many queued requests in order as {@code maxWeight} allows. */
    private List<Waiter<Q, A>> takeGroup(Waiter<Q, A> leader) {
        queued.remove(leader);
        List<Waiter<Q, A>> group = new ArrayList<>();
        group.add(leader);
        long total = weight.applyAsInt(leader.request);
        while (!queued.isEmpty()) {
            long next = weight.applyAsInt(queued.peekFirst().request);
            if (total + next > maxWeight) {
                break;
            }
            total += next;
            group.add(queued.pollFirst());
        }
        return group;
    }

    private List<Outcome<A>> commit(List<Waiter<Q, A>> group) {
        List<Q> requests = group.stream().map(waiter -> waiter.request).toList();
        List<Outcome<A>> outcomes;
        try {
            outcomes = committer.commit(requests);
        } catch (RuntimeException | Error failure) {
            return requests.stream().<Outcome<A>>map(request -> new Outcome.Refused<>(
                    new IllegalStateException("the group commit failed: " + failure, failure))).toList();
        }
        if (outcomes.size() != requests.size()) {
            IllegalStateException broken = new IllegalStateException("the committer returned " + outcomes.size()
                    + " outcomes for " + requests.size() + " requests");
            return requests.stream().<Outcome<A>>map(request -> new Outcome.Refused<>(broken)).toList();
        }
        return outcomes;
    }

    private static final class Waiter<Q, A> {

        final Q request;
        /** Set under the lock when the commit that held the request has ended. */
        @Nullable Outcome<A> outcome;

        Waiter(Q request) {
            this.request = request;
        }

        A result() {
            return switch (Objects.requireNonNull(outcome, "no outcome yet")) {
                case Outcome.Done<A> done -> done.value();
                case Outcome.Refused<A> refused -> throw refused.failure();
            };
        }
    }
}
