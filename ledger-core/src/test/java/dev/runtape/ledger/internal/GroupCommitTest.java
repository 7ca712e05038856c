package dev.runtape.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.internal.GroupCommit.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aLoneRequestIsCommittedAloneAndItsCallerGetsItsValue() {
        GroupCommit<String, String> commits = new GroupCommit<>(this::upperCase, request -> 1, 100);

        assertThat(commits.submit("a")).isEqualTo("A");
        assertThat(groups).containsExactly(List.of("a"));
    }

    @Test
    void requestsArrivingDuringACommitAreCommittedTogetherInArrivalOrderInTheNextOne() throws Exception {
        CountDownLatch firstCommitMayEnd = new CountDownLatch(1);
        GroupCommit<String, String> commits = new GroupCommit<>(group -> {
            groups.add(group);
            if (group.contains("first")) {
                await(firstCommitMayEnd);
            }
            return upperCaseOf(group);
        }, request -> 1, 100);
        CompletableFuture<String> first = submitAsync(commits, "first");
        awaitGroups(1);

        List<CompletableFuture<String>> later = new ArrayList<>();
        for (String request : List.of("b", "c", "d", "e")) {
            later.add(submitAsync(commits, request));
            awaitWaiting(commits, later.size());
        }
        firstCommitMayEnd.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("FIRST");
        assertThat(later).extracting(future -> future.get(30, TimeUnit.SECONDS)).containsExactly("B", "C", "D", "E");
        assertThat(groups).containsExactly(List.of("first"), List.of("b", "c", "d", "e"));
    }

    @Test
    void aCallerReturnsOnlyWhenTheCommitHoldingItsRequestHasEnded() throws Exception {
        CountDownLatch commitMayEnd = new CountDownLatch(1);
        GroupCommit<String, String> commits = new GroupCommit<>(group -> {
            groups.add(group);
            await(commitMayEnd);
            return upperCaseOf(group);
        }, request -> 1, 100);

        CompletableFuture<String> caller = submitAsync(commits, "a");
        awaitGroups(1);

        assertThat(caller).isNotDone();
        commitMayEnd.countDown();
        assertThat(caller.get(30, TimeUnit.SECONDS)).isEqualTo("A");
    }

    @Test
    void aRefusedRequestFailsItsOwnCallerWhileTheOthersOfItsGroupSucceed() throws Exception {
        CountDownLatch firstCommitMayEnd = new CountDownLatch(1);
        GroupCommit<String, String> commits = new GroupCommit<>(group -> {
            groups.add(group);
            if (group.contains("first")) {
                await(firstCommitMayEnd);
            }
            return group.stream().<Outcome<String>>map(request -> request.equals("bad")
                    ? new Outcome.Refused<>(new IllegalArgumentException("refused " + request))
                    : new Outcome.Done<>(request.toUpperCase())).toList();
        }, request -> 1, 100);
        CompletableFuture<String> first = submitAsync(commits, "first");
        awaitGroups(1);
        CompletableFuture<String> good = submitAsync(commits, "good");
        awaitWaiting(commits, 1);
        CompletableFuture<String> bad = submitAsync(commits, "bad");
        awaitWaiting(commits, 2);
        firstCommitMayEnd.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("FIRST");
        assertThat(good.get(30, TimeUnit.SECONDS)).isEqualTo("GOOD");
        assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessage("refused bad");
        assertThat(groups).containsExactly(List.of("first"), List.of("good", "bad"));
    }

    @Test
    void aCommitterThatThrowsFailsEveryCallerOfItsGroupAndTheNextGroupIsCommittedAsUsual() {
        GroupCommit<String, String> commits = new GroupCommit<>(group -> {
            if (group.contains("boom")) {
                throw new IllegalStateException("the disk is on fire");
            }
            return upperCase(group);
        }, request -> 1, 100);

        assertThatThrownBy(() -> commits.submit("boom")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the disk is on fire");
        assertThat(commits.submit("next")).isEqualTo("NEXT");
    }

    // Repeated: a caller that wakes first must not lead ahead of those queued before it, which one run may not show.
    @RepeatedTest(10)
    void aGroupTakesQueuedRequestsOnlyUpToItsWeightButAlwaysTheLeadersOwn() throws Exception {
        CountDownLatch firstCommitMayEnd = new CountDownLatch(1);
        GroupCommit<String, String> commits = new GroupCommit<>(group -> {
            groups.add(group);
            if (group.contains("first")) {
                await(firstCommitMayEnd);
            }
            return upperCaseOf(group);
        }, String::length, 4);
        CompletableFuture<String> first = submitAsync(commits, "first");
        awaitGroups(1);
        List<CompletableFuture<String>> later = new ArrayList<>();
        for (String request : List.of("aa", "bb", "c", "dddddd")) {
            later.add(submitAsync(commits, request));
            awaitWaiting(commits, later.size());
        }
        firstCommitMayEnd.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("FIRST");
        for (CompletableFuture<String> future : later) {
            future.get(30, TimeUnit.SECONDS);
        }
        // "first" (5) goes over the weight alone: a leader's own request always goes in.
        assertThat(groups).containsExactly(List.of("first"), List.of("aa", "bb"), List.of("c"), List.of("dddddd"));
    }

    @RepeatedTest(3)
    void manyCallersAtOnceEachGetTheirOwnValueAndEveryRequestIsCommittedOnce() throws Exception {
        GroupCommit<String, String> commits = new GroupCommit<>(this::upperCase, request -> 1, 16);
        List<CompletableFuture<List<String>>> threads = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int number = thread;
            threads.add(CompletableFuture.supplyAsync(() -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    values.add(commits.submit("t" + number + "-" + i));
                }
                return values;
            }, callers));
        }

        for (int thread = 0; thread < 8; thread++) {
            List<String> values = threads.get(thread).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < 500; i++) {
                assertThat(values.get(i)).isEqualTo(("t" + thread + "-" + i).toUpperCase());
            }
        }
        List<String> committed = groups.stream().flatMap(List::stream).toList();
        assertThat(committed).hasSize(8 * 500).doesNotHaveDuplicates();
        assertThat(groups).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(16));
    }

    private List<Outcome<String>> upperCase(List<String> group) {
        groups.add(group);
        return upperCaseOf(group);
    }

    private static List<Outcome<String>> upperCaseOf(List<String> group) {
        return group.stream().<Outcome<String>>map(request -> new Outcome.Done<>(request.toUpperCase())).toList();
    }

    private CompletableFuture<String> submitAsync(GroupCommit<String, String> commits, String request) {
        return CompletableFuture.supplyAsync(() -> commits.submit(request), callers);
    }

    private void awaitGroups(int count) throws InterruptedException {
        for (int poll = 0; groups.size() < count; poll++) {
            assertThat(poll).as("polls for %d groups", count).isLessThan(30_000);
            Thread.sleep(1);
        }
    }

    private static void awaitWaiting(GroupCommit<?, ?> commits, int count) throws InterruptedException {
        for (int poll = 0; commits.waiting() < count; poll++) {
            assertThat(poll).as("polls for %d waiting requests", count).isLessThan(30_000);
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the commit end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
