package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.FormatException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scan of {@code --fast} takes the facts decoding takes: on the generator's statements it reads them where they
 * lie, and on every truncation and one-byte change of them it accepts and refuses as decoding does, with the same
 * facts and the same messages.
 */
class StatementScanTest {

    private static final List<byte[]> STATEMENTS =
            BundleGenerator.generate(BundleGenerator.Config.small()).bundle().statements();

    @Test
    void theLedgersStatementsAreReadWhereTheyLieWithTheFactsDecodingGives() throws FormatException {
        assertThat(STATEMENTS).hasSizeGreaterThan(10);
        for (byte[] bytes : STATEMENTS) {
            StatementFacts scanned = StatementScan.of(bytes);
            assertThat(scanned).as("the scan takes the ledger's shape").isNotNull();
            assertThat(facts(scanned)).isEqualTo(facts(StatementFacts.read(bytes)));
            assertThat(scanned.payload()).isEqualTo(StatementFacts.read(bytes).payload());
            assertThat(scanned.message().encode()).isEqualTo(bytes);
        }
        assertThat(STATEMENTS.stream().map(StatementScan::of).filter(s -> !s.references().isEmpty()))
                .as("payloads that refer to contents").isNotEmpty();
    }

    @Test
    void everyTruncationAndOneByteChangeIsJudgedAsDecodingJudgesIt() {
        int scanned = 0;
        for (byte[] bytes : List.of(STATEMENTS.getFirst(), STATEMENTS.get(STATEMENTS.size() / 2))) {
            for (int length = 0; length < bytes.length; length++) {
                agree(Arrays.copyOf(bytes, length));
            }
            for (int at = 0; at < bytes.length; at++) {
                for (int change : new int[] {0x00, 0x01, 0x17, 0x18, 0x40, 0x58, 0x60, 0x78, 0x80, 0xa0, 0xa1, 0xc0,
                        0xd2, 0xf6, 0xff}) {
                    byte[] changed = bytes.clone();
                    changed[at] = (byte) change;
                    scanned += agree(changed);
                }
            }
        }
        assertThat(scanned).as("changes the scan itself accepted").isPositive();
    }

    @Test
    void anUnprotectedHeaderBesidesTheReceiptsIsLeftToDecoding() throws FormatException {
        StatementFacts read = StatementFacts.read(STATEMENTS.getFirst());
        Map<CborValue, CborValue> unprotected = new LinkedHashMap<>(read.message().unprotectedHeader().entries());
        unprotected.put(CborInteger.of(33), CborInteger.of(1));
        byte[] bytes = read.message().withUnprotectedHeader(new CborMap(unprotected)).encode();
        assertThat(StatementScan.of(bytes)).isNull();
        assertThat(facts(StatementFacts.scan(bytes))).isEqualTo(facts(StatementFacts.read(bytes)));
    }

    /** 1 when the scan itself accepted the input; fails unless scan and read agree on it. */
    private static int agree(byte[] input) {
        String read = outcome(input, false);
        String scan = outcome(input, true);
        assertThat(scan).as(HexFormat.of().formatHex(input)).isEqualTo(read);
        return StatementScan.of(input) != null ? 1 : 0;
    }

    private static String outcome(byte[] input, boolean scan) {
        try {
            return facts(scan ? StatementFacts.scan(input) : StatementFacts.read(input));
        } catch (FormatException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String facts(StatementFacts s) {
        return String.join("|", s.digest().toString(), s.leafHash().toString(), HexFormat.of().formatHex(s.kid()),
                s.issuer(), s.stream(), s.issuedAt().toString(), Long.toString(s.revision()), s.eventType(),
                s.prev().toString(), s.receipts().stream().map(HexFormat.of()::formatHex).toList().toString(),
                s.references().toString());
    }
}
