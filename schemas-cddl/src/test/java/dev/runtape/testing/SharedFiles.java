package dev.runtape.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public test vectors and samples in {@code ../shared}, read in place: the build passes their folder as the
 * system property {@code runtape.shared.dir}. They are never copied into the project.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** The file or folder at {@code relative} under {@code shared/vectors}; fails the test if it is missing. */
    public static Path vector(String relative) {
        Path path = root().resolve("vectors").resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("missing shared test vector " + path);
        }
        return path;
    }

    public static byte[] readVector(String relative) {
        try {
            return Files.readAllBytes(vector(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file or folder at {@code relative} under {@code shared/samples}; fails the test if it is missing. */
    public static Path sample(String relative) {
        Path path = root().resolve("samples").resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("missing shared sample " + path);
        }
        return path;
    }

    private static Path root() {
        String dir = System.getProperty("runtape.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property runtape.shared.dir is not set; run the tests through Maven");
        }
        return Path.of(dir);
    }
}
