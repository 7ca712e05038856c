package dev.runtape.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/runtape-verify.jar}, run as a separate process as a client would run it. */
class RuntapeVerifyJarIT {

    @TempDir
    Path dir;

    private static Path jar() {
        Path jar = Path.of("target", "runtape-verify.jar");
        assertThat(jar).as("built by the package phase").exists();
        return jar;
    }

    private static ProcessResult java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    private record ProcessResult(int status, String output) {
    }

    @Test
    void theJarVerifiesAStatementAndReportsTamperingWithExitStatusOne() throws Exception {
        SigningKey key = Ed25519SigningKey.generate(new SecureRandom());
        byte[] statement = Sign1Builder.signingWith(key).sign("hello".getBytes(StandardCharsets.UTF_8)).encode();
        Path statementFile = Files.write(dir.resolve("statement.cbor"), statement);
        Path keyFile = Files.writeString(dir.resolve("key.jwk"), JwkCodec.encode(key.verificationKey()).toString());

        ProcessResult valid = java("statement", statementFile.toString(), "--key", keyFile.toString());
        assertThat(valid.status()).as(valid.output()).isZero();
        assertThat(valid.output()).startsWith("valid: COSE_Sign1 signed by Ed25519 key");

        statement[statement.length - 3] ^= 0x10;
        Files.write(statementFile, statement);
        ProcessResult invalid = java("statement", statementFile.toString(), "--key", keyFile.toString());
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.output().strip()).isEqualTo("invalid: invalid signature");

        assertThat(java("statement").status()).isEqualTo(2);
    }

    @Test
    void theJarVerifiesABundleAndReportsTamperingAsJson() throws Exception {
        var generated = dev.runtape.verifier.bundle.BundleGenerator.generate(
                dev.runtape.verifier.bundle.BundleGenerator.Config.small());
        Path bundle = generated.bundle().write(dir.resolve("good.bundle"));
        Path trusted = Files.write(dir.resolve("trusted.cbor"), generated.trustedCheckpoint());

        ProcessResult valid = java("bundle", bundle.toString(), "--trusted-checkpoint", trusted.toString());
        assertThat(valid.status()).as(valid.output()).isZero();
        assertThat(valid.output()).startsWith("valid: bundle good.bundle verifies");

        var tampered = new dev.runtape.verifier.bundle.BundleTampering(generated).all().getFirst();
        Path bad = Files.write(dir.resolve("tampered.bundle"), tampered.bytes());
        ProcessResult invalid = java("bundle", bad.toString(), "--json");
        assertThat(invalid.status()).isEqualTo(1);
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(invalid.output());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("failures").size()).isPositive();

        assertThat(java("bundle", dir.resolve("missing.bundle").toString()).status()).isEqualTo(2);
    }
}
