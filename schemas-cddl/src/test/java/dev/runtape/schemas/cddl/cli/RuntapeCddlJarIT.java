package dev.runtape.schemas.cddl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/runtape-cddl.jar}, run as a separate process. */
class RuntapeCddlJarIT {

    @TempDir
    Path dir;

    @Test
    void theJarValidatesAFileAndExitsOneWhenItIsInvalid() throws Exception {
        Path jar = Path.of("target", "runtape-cddl.jar");
        assertThat(jar).as("built by the package phase").exists();
        Path schema = Files.writeString(dir.resolve("s.cddl"), "thing = { a: uint }\n");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"a\": -1}");

        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "validate", schema.toString(), "thing", bad.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("$.a: expected uint, found nint -1");
    }
}
