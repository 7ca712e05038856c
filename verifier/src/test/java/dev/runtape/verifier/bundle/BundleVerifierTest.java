package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTextString;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A good bundle, generated with real keys, a real tree and real receipts, written and verified from its file. */
class BundleVerifierTest {

    private static BundleGenerator.Generated generated;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        generated = BundleGenerator.generate(BundleGenerator.Config.small());
    }

    private static Map<Check, Tally> tallies(BundleReport report) {
        return report.tallies().stream().collect(Collectors.toMap(Tally::check, Function.identity()));
    }

    private BundleReport verify(BundleVerifier.Options options) throws Exception {
        return BundleVerifier.verify(generated.bundle().write(dir.resolve("good.bundle")), options);
    }

    @Test
    void theGoodBundleVerifiesEveryItem() throws Exception {
        TestBundle bundle = generated.bundle();

        BundleReport report = verify(BundleVerifier.Options.defaults());

        assertThat(report.failures()).isEmpty();
        assertThat(report.valid()).isTrue();
        int statements = bundle.statements().size();
        Map<Check, Tally> tallies = tallies(report);
        assertThat(report.statements()).isEqualTo(statements);
        assertThat(report.streams()).isEqualTo(bundle.trajectories().size());
        assertThat(tallies.get(Check.SIGNATURE).checked()).isEqualTo(statements);
        assertThat(tallies.get(Check.SCHEMA).checked()).isEqualTo(statements);
        assertThat(tallies.get(Check.CHAIN).checked()).isEqualTo(statements);
        assertThat(tallies.get(Check.RECEIPT).checked()).isEqualTo(statements);
        assertThat(tallies.get(Check.CHECKPOINT).checked()).isEqualTo(1);
        assertThat(tallies.get(Check.DISCLOSURE).checked()).isEqualTo(bundle.disclosures().size());
        assertThat(tallies.get(Check.ARTIFACT).checked()).isEqualTo(bundle.artifacts().size());
        assertThat(tallies.get(Check.MANIFEST).checked())
                .isEqualTo(statements + bundle.disclosures().size() + bundle.artifacts().size());
        assertThat(tallies.get(Check.CONSISTENCY).wasSkipped()).isTrue();
        assertThat(report.checkpoint().orElseThrow().treeSize()).isEqualTo(generated.tree().size());
        assertThat(report.checkpoint().orElseThrow().root()).isEqualTo(generated.tree().root());
        assertThat(report.exportId()).contains("exp-1");
        assertThat(report.manifestDigest()).contains(Digest.sha256(bundle.manifest().encode()));
    }

    @Test
    void aBundleLongerThanTheBytesInFlightVerifiesWhileItsReadBuffersAreReadIntoAgain() throws Exception {
        // About 31 MB: beyond the 16 MiB handed to the workers at once, so buffers are released and read into again
        // while later entries are checked; one read into too early would break a hash, a proof or a frame.
        Path file = dir.resolve("long.bundle");
        BundleGenerator.write(new BundleGenerator.Config(500, 47, true, 4), file);
        assertThat(Files.size(file)).isGreaterThan(24L << 20);

        for (BundleVerifier.Options options : List.of(BundleVerifier.Options.defaults(),
                BundleVerifier.Options.defaults().withFast(true))) {
            BundleReport report = BundleVerifier.verify(file, options);
            assertThat(report.failures()).isEmpty();
            assertThat(report.statements()).isEqualTo(500 * 50 + 1);
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - (24 << 20)] ^= 1;
        BundleReport tampered = BundleVerifier.verify(Files.write(dir.resolve("tampered.bundle"), bytes),
                BundleVerifier.Options.defaults().withFast(true));
        assertThat(tampered.valid()).isFalse();
    }

    @Test
    void aRedactedDisclosureIsReportedWithheldWithTheRedactionsReason() throws Exception {
        BundleReport report = verify(BundleVerifier.Options.defaults());

        assertThat(report.valid()).isTrue();
        assertThat(report.withheld()).hasSize(1);
        Withheld withheld = report.withheld().getFirst();
        assertThat(withheld.what()).isEqualTo("disclosure");
        assertThat(withheld.kind()).isEqualTo("redacted");
        assertThat(withheld.reason()).contains("secret");
        assertThat(generated.bundle().disclosures()).noneMatch(d -> d.digest().equals(withheld.digest()));
    }

    @Test
    void theManifestsReasonForAWithheldDisclosureComesFirst() throws Exception {
        TestBundle bundle = generated.bundle().withDisclosureListing(listing -> {
            listing.replaceAll(d -> d.get("included").orElseThrow().equals(dev.runtape.cbor.CborSimple.FALSE)
                    ? BundleWriter.withheldDisclosure(digestOf(d), "erased", Optional.of("rights-request")) : d);
            return listing;
        });

        BundleReport report = BundleVerifier.verify(bundle.write(dir.resolve("erased.bundle")),
                BundleVerifier.Options.defaults());

        assertThat(report.valid()).isTrue();
        assertThat(report.withheld()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("erased");
            assertThat(w.reason()).contains("rights-request");
        });
    }

    private static Digest digestOf(dev.runtape.cbor.CborMap listed) {
        try {
            return Digest.of(((dev.runtape.cbor.CborByteString) listed.get("digest").orElseThrow()).bytes());
        } catch (dev.runtape.verifier.FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCheckpointIsConsistentWithAnEarlierTrustedOneAndWithItself() throws Exception {
        CoseSign1 trusted = CoseSign1.decode(generated.trustedCheckpoint());
        CoseSign1 same = CoseSign1.decode(generated.bundle().checkpoint());

        for (CoseSign1 checkpoint : List.of(trusted, same)) {
            BundleReport report = verify(BundleVerifier.Options.defaults().withTrustedCheckpoint(checkpoint));

            assertThat(report.failures()).isEmpty();
            Tally consistency = tallies(report).get(Check.CONSISTENCY);
            assertThat(consistency.wasSkipped()).isFalse();
            assertThat(consistency.checked()).isEqualTo(1);
            assertThat(consistency.failed()).isZero();
        }
    }

    @Test
    void fastSkipsStatementSignaturesAndSchemasButChecksTheRest() throws Exception {
        BundleReport report = verify(BundleVerifier.Options.defaults().withFast(true));

        assertThat(report.valid()).isTrue();
        Map<Check, Tally> tallies = tallies(report);
        assertThat(tallies.get(Check.SIGNATURE).wasSkipped()).isTrue();
        assertThat(tallies.get(Check.SIGNATURE).checked()).isZero();
        assertThat(tallies.get(Check.SCHEMA).checked()).isZero();
        assertThat(tallies.get(Check.RECEIPT).checked()).isEqualTo(generated.bundle().statements().size());
        assertThat(tallies.get(Check.CHECKPOINT).checked()).isEqualTo(1);
    }

    @Test
    void aDisclosureOfTheWrongShapeFailsByItsShapeAndUnderFastOnlyByTheManifest() throws Exception {
        byte[] notADisclosure = CborTextString.of("no salt").encode();
        Digest itsDigest = Digest.sha256(notADisclosure);
        TestBundle changed = generated.bundle().withDisclosures(disclosures -> {
            List<TestBundle.Content> all = new ArrayList<>(disclosures);
            all.set(0, new TestBundle.Content(itsDigest, notADisclosure));
            return all;
        });
        Path file = changed.write(dir.resolve("shape.bundle"));

        BundleReport full = BundleVerifier.verify(file, BundleVerifier.Options.defaults());
        BundleReport fast = BundleVerifier.verify(file, BundleVerifier.Options.defaults().withFast(true));

        String item = "disclosure " + itsDigest;
        assertThat(full.failures()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.DISCLOSURE);
            assertThat(f.item()).isEqualTo(item);
            assertThat(f.reason()).contains("not a disclosure [salt, value]");
        });
        // The shape is a schema check, which --fast skips; its bytes still hash to its digest.
        assertThat(fast.failures()).noneMatch(f -> f.check() == Check.DISCLOSURE);
        assertThat(tallies(fast).get(Check.DISCLOSURE).checked()).isEqualTo(changed.disclosures().size());
        for (BundleReport report : List.of(full, fast)) {
            assertThat(report.valid()).isFalse();
            assertThat(report.failures()).anySatisfy(f -> {
                assertThat(f.check()).isEqualTo(Check.MANIFEST);
                assertThat(f.item()).isEqualTo(item);
                assertThat(f.reason()).contains("not listed in the manifest");
            });
        }
    }

    @Test
    void oneThreadFindsWhatManyFind() throws Exception {
        BundleReport one = verify(new BundleVerifier.Options(false, Optional.empty(), 1, false));
        BundleReport many = verify(new BundleVerifier.Options(false, Optional.empty(), 8, false));

        assertThat(one.tallies()).isEqualTo(many.tallies());
    }

    @Test
    void theReaderStreamsTheManifestAndEveryEntryBack() throws Exception {
        TestBundle bundle = generated.bundle();
        Path file = bundle.write(dir.resolve("read.bundle"));
        List<BundleEntry> entries = new ArrayList<>();

        try (BundleReader reader = BundleReader.open(file)) {
            Manifest manifest = reader.manifest();
            assertThat(manifest.exportId()).isEqualTo("exp-1");
            assertThat(manifest.datasetId()).isEqualTo("ds-fixes");
            assertThat(manifest.recipient()).isEqualTo("acme-research");
            assertThat(manifest.purpose()).contains("research");
            assertThat(manifest.checkpoint()).isEqualTo(bundle.checkpoint());
            assertThat(manifest.index().statementCount()).isEqualTo(bundle.statements().size());
            assertThat(manifest.index().disclosureCount()).isEqualTo(bundle.disclosureListing().size());
            assertThat(manifest.index().trajectories()).extracting(ManifestIndex.Trajectory::id)
                    .containsExactly("t-0", "t-1", "t-2");
            for (Optional<BundleEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                entries.add(entry.get());
            }
        }

        assertThat(entries).hasSize(bundle.statements().size() + bundle.disclosures().size() + bundle.artifacts().size());
        assertThat(((BundleEntry.StatementEntry) entries.getFirst()).bytes()).isEqualTo(bundle.statements().getFirst());
        assertThat(entries.getLast()).isInstanceOf(BundleEntry.ArtifactEntry.class);
    }

    @Test
    void whatTheWriterWritesIsValidAgainstBundleCddl() throws Exception {
        byte[] file = generated.bundle().bytes();
        var items = CborDecoder.decodeSequence(file, CborProfile.DETERMINISTIC);

        assertThat(RuntapeSchemas.validator(RuntapeSchemas.BUNDLE_MANIFEST).validate(items.getFirst()).failures())
                .isEmpty();
        for (var entry : items.subList(1, items.size())) {
            assertThat(RuntapeSchemas.validator(RuntapeSchemas.BUNDLE_ENTRY).validate(entry).failures()).isEmpty();
        }
    }

    @Test
    void aReceiptMadeFromTheTemplateIsTheReceiptTheIssuerSigns() {
        var tree = generated.tree();
        ReceiptIssuer issuer = new ReceiptIssuer(BundleGenerator.LEDGER, BundleGenerator.ORIGIN);
        var template = issuer.inclusion(ProofBuilder.inclusion(tree, 0, tree.size()), tree.root());
        var proof = ProofBuilder.inclusion(tree, tree.size() - 1, tree.size());

        assertThat(BundleGenerator.receipt(template, proof).encode())
                .isEqualTo(issuer.inclusion(proof, tree.root()).encode());
    }

    @Test
    void aMissingFileIsAnIoError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                BundleVerifier.verify(dir.resolve("none.bundle"), BundleVerifier.Options.defaults()))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(Files.exists(dir.resolve("none.bundle"))).isFalse();
    }
}
