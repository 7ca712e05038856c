package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A manifest's trajectory read from its bytes is what decoding and bundle-trajectory make of it: the exporter's are
 * read so, and of every truncation and one-byte change of them the scan takes none that the rule refuses, nor reads
 * one otherwise than decoding does.
 */
class TrajectoryScanTest {

    private static final List<TestBundle.Listing> LISTED =
            BundleGenerator.generate(BundleGenerator.Config.small()).bundle().trajectories();

    /** The exporter's encodings, and around the edges of the rule: no split, the longest id, an id beyond ASCII. */
    private static List<byte[]> encodings() {
        List<byte[]> encoded = new ArrayList<>();
        for (TestBundle.Listing listing : LISTED) {
            encoded.add(BundleWriter.trajectory(listing.id(), listing.split(), listing.statements()).encode());
        }
        List<Digest> statements = LISTED.getFirst().statements();
        encoded.add(BundleWriter.trajectory("t", Optional.empty(), statements.subList(0, 1)).encode());
        encoded.add(BundleWriter.trajectory("x".repeat(200), Optional.of("eval"), statements).encode());
        encoded.add(BundleWriter.trajectory("trajectoire-é-" + "ü".repeat(90), Optional.of("train"), statements)
                .encode());
        return encoded;
    }

    /** What decoding and the rule make of the bytes, or null when they refuse them. */
    private static @Nullable TrajectoryScan decoded(byte[] bytes) {
        CborValue value;
        try {
            value = CborInput.decode(bytes, CborProfile.DETERMINISTIC, "trajectory");
        } catch (FormatException e) {
            return null;
        }
        if (!RuntapeSchemas.validator(RuntapeSchemas.BUNDLE_TRAJECTORY).validate(value).isValid()) {
            return null;
        }
        CborMap map = (CborMap) value;
        List<Digest> statements = new ArrayList<>();
        for (CborValue digest : ((CborArray) map.get("statements").orElseThrow()).items()) {
            statements.add(Digest.copyOf(((CborByteString) digest).bytes(), 0));
        }
        return new TrajectoryScan(((CborTextString) map.get("trajectory-id").orElseThrow()).value(),
                map.get("split").map(v -> ((CborTextString) v).value()), statements);
    }

    @Test
    void theExportersTrajectoriesAreReadFromTheirBytesAsDecodingReadsThem() {
        assertThat(LISTED).anyMatch(t -> t.split().isPresent());
        for (byte[] bytes : encodings()) {
            TrajectoryScan scanned = TrajectoryScan.of(bytes);
            assertThat(scanned).as("the scan takes the exporter's shape").isNotNull().isEqualTo(decoded(bytes));
        }
    }

    @Test
    void noTruncationOrChangedByteIsTakenThatTheRuleRefusesOrReadOtherwise() {
        List<byte[]> encodings = encodings();
        int taken = 0;
        for (byte[] original : List.of(encodings.getFirst(), encodings.get(encodings.size() - 3),
                encodings.getLast())) {
            List<byte[]> variants = new ArrayList<>();
            for (int length = 0; length < original.length; length++) {
                variants.add(Arrays.copyOf(original, length));
            }
            for (int at = 0; at < original.length; at++) {
                for (int value : new int[] {0x00, 0x01, 0x17, 0x18, 0x20, 0x41, 0x5f, 0x60, 0x7f, 0x80, 0xa3, 0xc0,
                        0xf6, 0xff, original[at] ^ 0x01, original[at] ^ 0x20}) {
                    byte[] changed = original.clone();
                    changed[at] = (byte) value;
                    variants.add(changed);
                }
            }
            for (byte[] variant : variants) {
                TrajectoryScan scanned = TrajectoryScan.of(variant);
                if (scanned != null) {
                    taken++;
                    assertThat(scanned).as("%s", java.util.HexFormat.of().formatHex(variant)).isEqualTo(decoded(variant));
                }
            }
        }
        assertThat(taken).as("changes within the digests and ids are still taken").isGreaterThan(100);
    }
}
