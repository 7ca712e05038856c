package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTextString;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The manifest's lists checked in chunks on other threads read as they do one element after another. */
class ManifestReaderTest {

    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(3);
    /** More disclosures than a chunk holds, so that the lists take several chunks. */
    private static final TestBundle BUNDLE = BundleGenerator.generate(new BundleGenerator.Config(30, 40, true, 4)).bundle();

    @AfterAll
    static void stop() {
        WORKERS.shutdownNow();
    }

    @Test
    void theIndexIsTheSameReadInChunksAsReadInOrder() throws IOException, FormatException {
        assertThat(BUNDLE.disclosureListing()).hasSizeGreaterThan(1_000);
        ManifestIndex serial = open(BUNDLE, false).index();
        ManifestIndex parallel = open(BUNDLE, true).index();

        assertThat(parallel.trajectories()).isEqualTo(serial.trajectories());
        assertThat(parallel.statementCount()).isEqualTo(serial.statementCount());
        assertThat(parallel.disclosureCount()).isEqualTo(BUNDLE.disclosureListing().size());
        for (int n = 0; n < serial.disclosureCount(); n++) {
            assertThat(parallel.disclosureDigest(n)).isEqualTo(serial.disclosureDigest(n));
            assertThat(parallel.disclosureStatus(n)).isEqualTo(serial.disclosureStatus(n));
        }
        for (int n = 0; n < serial.statementCount(); n++) {
            assertThat(parallel.statementDigest(n)).isEqualTo(serial.statementDigest(n));
        }
    }

    @Test
    void theManifestsDigestIsTheSha256OfItsBytesHashedElsewhereOrHere() throws IOException, FormatException {
        // Its heads, keys and members are hashed on the executor, after the bytes before them, never in between.
        Digest expected = Digest.sha256(BUNDLE.manifest().encode());

        assertThat(open(BUNDLE, false).digest()).isEqualTo(expected);
        assertThat(open(BUNDLE, true).digest()).isEqualTo(expected);
        List<CborMap> listing = new ArrayList<>(BUNDLE.disclosureListing());
        listing.set(3, CborMap.builder().put("digest", new CborByteString(new byte[32])).put("included", CborSimple.TRUE)
                .put("reason", CborTextString.of("x".repeat(300))).build()); // a longer head, a member decoded
        TestBundle changed = withDisclosures(listing);
        assertThat(open(changed, true).digest()).isEqualTo(Digest.sha256(changed.manifest().encode()))
                .isNotEqualTo(expected);
    }

    @Test
    void theFirstBadElementInListOrderIsTheOneReported() {
        // Two bad disclosures far apart, in different chunks: the first is reported, as reading in order does.
        List<CborMap> listing = new ArrayList<>(BUNDLE.disclosureListing());
        for (int bad : new int[] {700, 1_100}) {
            listing.set(bad, CborMap.builder().put("digest", CborTextString.of("not bytes")).build());
        }
        TestBundle broken = new TestBundle(BUNDLE.fields(), BUNDLE.checkpoint(), BUNDLE.consistency(),
                BUNDLE.keySets(), BUNDLE.trajectories(), listing, BUNDLE.artifactListing(), BUNDLE.statements(),
                BUNDLE.disclosures(), BUNDLE.artifacts());

        String serial = failure(broken, false);
        assertThat(serial).startsWith("manifest: disclosures[700]: not a valid bundle-disclosure");
        assertThat(failure(broken, true)).isEqualTo(serial);
    }

    @Test
    void eachListedContentHasTheStatusItsListingGives() throws IOException, FormatException {
        // Most are listed as {"digest", "included"} and read from their bytes; the withheld ones name why.
        ManifestIndex index = open(BUNDLE, true).index();
        List<CborMap> listing = BUNDLE.disclosureListing();
        assertThat(listing).anyMatch(m -> m.get("withheld").isPresent()).anyMatch(m -> m.size() == 2);
        for (int n = 0; n < listing.size(); n++) {
            CborMap listed = listing.get(n);
            ManifestIndex.Status expected = listed.get("included").orElseThrow().equals(CborSimple.TRUE)
                    ? ManifestIndex.Status.INCLUDED
                    : listed.get("withheld").map(v -> ManifestIndex.Status.valueOf(
                            ((CborTextString) v).value().toUpperCase(Locale.ROOT))).orElse(ManifestIndex.Status.POLICY);
            assertThat(index.disclosureDigest(n).bytes())
                    .isEqualTo(((CborByteString) listed.get("digest").orElseThrow()).bytes());
            assertThat(index.disclosureStatus(n)).as("disclosure %d", n).isEqualTo(expected);
        }
    }

    @Test
    void aListingOneByteFromTheReadEncodingIsDecodedAndRefused() {
        // "included": 1 instead of true, and a digest of 31 bytes: the same length or shape as the encoding read from
        // its bytes, so they must fail its comparison and be judged by the rule.
        List<CborMap> listing = new ArrayList<>(BUNDLE.disclosureListing());
        listing.set(5, CborMap.builder().put("digest", new CborByteString(new byte[32]))
                .put("included", CborInteger.of(1)).build());
        assertThat(failure(withDisclosures(listing), true))
                .startsWith("manifest: disclosures[5]: not a valid bundle-disclosure");
        listing.set(5, CborMap.builder().put("digest", new CborByteString(new byte[31]))
                .put("included", CborSimple.TRUE).build());
        assertThat(failure(withDisclosures(listing), true))
                .startsWith("manifest: disclosures[5]: not a valid bundle-disclosure");
    }

    @Test
    void aListClaimingBillionsOfElementsFailsWhereItsBytesEnd() {
        // {"disclosures": [ ... 2^32 - 1 elements claimed, none there ]}: the count is taken as a claim, and where the
        // bytes end is what is reported.
        byte[] key = "disclosures".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream manifest = new java.io.ByteArrayOutputStream();
        manifest.write(0xa1);
        manifest.write(0x60 | key.length);
        manifest.writeBytes(key);
        manifest.writeBytes(new byte[] {(byte) 0x9a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});

        for (boolean parallel : new boolean[] {false, true}) {
            CborSequenceReader in = new CborSequenceReader(new ByteArrayInputStream(manifest.toByteArray()), "test");
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    new ManifestReader(in, BundleReader.MAX_MANIFEST_PART_BYTES, parallel ? WORKERS : Runnable::run)
                            .read())
                    .isInstanceOf(FormatException.class).hasMessageContaining("at byte 18").hasMessageContaining("truncated");
        }
    }

    private static TestBundle withDisclosures(List<CborMap> listing) {
        return new TestBundle(BUNDLE.fields(), BUNDLE.checkpoint(), BUNDLE.consistency(), BUNDLE.keySets(),
                BUNDLE.trajectories(), listing, BUNDLE.artifactListing(), BUNDLE.statements(), BUNDLE.disclosures(),
                BUNDLE.artifacts());
    }

    private static Manifest open(TestBundle bundle, boolean parallel) throws IOException, FormatException {
        CborSequenceReader in = new CborSequenceReader(new ByteArrayInputStream(bundle.bytes()), "test");
        return new ManifestReader(in, BundleReader.MAX_MANIFEST_PART_BYTES, parallel ? WORKERS : Runnable::run).read();
    }

    private static String failure(TestBundle bundle, boolean parallel) {
        try {
            open(bundle, parallel);
        } catch (FormatException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the manifest was read");
    }
}
