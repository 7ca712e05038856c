package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.cose.CoseSign1;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every tampered bundle is rejected, with a failure naming the item and the reason; the untouched one passes. */
class TamperedBundlesTest {

    private static final BundleGenerator.Generated GENERATED = BundleGenerator.generate(BundleGenerator.Config.small());

    @TempDir
    Path dir;

    static List<BundleTampering.Tampered> tampered() {
        return new BundleTampering(GENERATED).all();
    }

    @Test
    void theUntouchedBundlePasses() throws Exception {
        Path file = GENERATED.bundle().write(dir.resolve("good.bundle"));
        BundleReport report = BundleVerifier.verify(file, BundleVerifier.Options.defaults()
                .withTrustedCheckpoint(CoseSign1.decode(GENERATED.trustedCheckpoint())));

        assertThat(report.failures()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampered")
    void isRejectedNamingTheItemAndTheReason(BundleTampering.Tampered tampered) throws Exception {
        Path file = Files.write(dir.resolve("tampered.bundle"), tampered.bytes());
        BundleVerifier.Options options = BundleVerifier.Options.defaults();
        if (tampered.trusted().isPresent()) {
            options = options.withTrustedCheckpoint(CoseSign1.decode(tampered.trusted().get()));
        }

        BundleReport report = BundleVerifier.verify(file, options);

        assertThat(report.valid()).isFalse();
        assertThat(report.failureCount()).isEqualTo(report.failures().size());
        assertThat(report.failures())
                .as("failures of %s", tampered.name())
                .anySatisfy(finding -> {
                    assertThat(finding.check()).isEqualTo(tampered.check());
                    assertThat(finding.reason()).contains(tampered.reason());
                    assertThat(finding.item()).isNotBlank();
                });
        assertThat(report.tallies()).filteredOn(t -> t.check() == tampered.check())
                .singleElement().satisfies(t -> assertThat(t.failed()).isPositive());
    }

    @Test
    void oneBadSignatureFailsItsStatementAloneThoughItsBatchIsVerifiedTogether() throws Exception {
        // The signatures of a worker's batch are verified at once (decision 0023); the one that spoils the batch is
        // found by verifying each alone, and only it is reported.
        BundleTampering.Tampered flipped = tampered().stream()
                .filter(t -> t.name().equals("a bit of a statement's signature")).findFirst().orElseThrow();
        Path file = Files.write(dir.resolve("one-bad-signature.bundle"), flipped.bytes());

        BundleReport report = BundleVerifier.verify(file, BundleVerifier.Options.defaults());

        assertThat(report.tallies()).filteredOn(t -> t.check() == Check.SIGNATURE).singleElement().satisfies(t -> {
            assertThat(t.checked()).isEqualTo(report.statements());
            assertThat(t.failed()).isEqualTo(1);
        });
        assertThat(report.failures()).filteredOn(f -> f.check() == Check.SIGNATURE).singleElement()
                .satisfies(f -> {
                    assertThat(f.item()).startsWith("statement " + (GENERATED.bundle().trajectories().size() + 1)
                            + " (");
                    assertThat(f.reason()).isEqualTo("invalid signature");
                });
    }

    @Test
    void fastStillCatchesWhatItChecks() throws Exception {
        for (BundleTampering.Tampered tampered : tampered()) {
            if (tampered.check() == Check.SIGNATURE || tampered.check() == Check.SCHEMA) {
                continue;
            }
            Path file = Files.write(dir.resolve("fast.bundle"), tampered.bytes());
            BundleVerifier.Options options = BundleVerifier.Options.defaults().withFast(true);
            if (tampered.trusted().isPresent()) {
                options = options.withTrustedCheckpoint(CoseSign1.decode(tampered.trusted().get()));
            }
            BundleReport report = BundleVerifier.verify(file, options);
            assertThat(report.valid()).as(tampered.name()).isFalse();
            assertThat(report.failures()).as(tampered.name()).anyMatch(f -> f.check() == tampered.check());
        }
    }
}
