package dev.runtape.verifier.robustness;

import dev.runtape.cbor.CborException;
import dev.runtape.verifier.FormatException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a decoder on hostile input under the rule every decoder promises: it returns, or throws its area's declared
 * exception ({@link CborException} for the CBOR codec, {@link FormatException} for the verifier's decoders), and
 * nothing else, within a time limit. Anything else fails the test with the input.
 *
 * <p>The limit is enforced preemptively, like JUnit's {@code assertTimeoutPreemptively}, but on one worker thread
 * kept between calls: properties decode thousands of inputs, and a new thread for each would cost more than the
 * decoding. A worker that overran is abandoned (it is a daemon) and replaced.
 */
final class Decoding {

    /** Far above what any input of these tests needs (microseconds); a decoder that takes this long is hanging. */
    static final Duration LIMIT = Duration.ofSeconds(2);

    private static ExecutorService worker = newWorker();

    private Decoding() {
    }

    /** A decoder call that may throw the declared exception of its area. */
    @FunctionalInterface
    interface Call<T> {
        T decode() throws FormatException, CborException;
    }

    /** The value decoded, or the declared exception that refused the input. */
    record Outcome<T>(@Nullable T value, @Nullable Exception failure) {
        boolean ok() {
            return failure == null;
        }

        T get() {
            if (failure != null) {
                throw new AssertionError("expected a value, the decoder refused the input: " + failure.getMessage(),
                        failure);
            }
            return value;
        }
    }

    static <T> Outcome<T> attempt(String what, byte[] input, Call<T> call) {
        return attempt(what, () -> hex(input), call);
    }

    static <T> Outcome<T> attempt(String what, Supplier<String> input, Call<T> call) {
        return withinLimit(LIMIT, what, input, () -> {
            try {
                return new Outcome<>(call.decode(), null);
            } catch (FormatException | CborException e) {
                return new Outcome<>(null, e);
            } catch (Throwable t) {
                throw new AssertionError(what + " threw " + t + " instead of its declared exception, on input "
                        + input.get(),
                        t);
            }
        });
    }

    /** Runs {@code call} on the worker thread, failing the test if it takes longer than {@code limit}. */
    static synchronized <T> T withinLimit(Duration limit, String what, Supplier<String> input, Callable<T> call) {
        Future<T> result = worker.submit(call);
        try {
            return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError(what + " did not finish within " + limit + ", on input " + input.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static String hex(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes);
        return hex.length() <= 400 ? hex : hex.substring(0, 400) + "... (" + bytes.length + " bytes)";
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "decoding-under-time-limit");
            thread.setDaemon(true);
            return thread;
        });
    }
}
