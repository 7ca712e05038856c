package dev.runtape.schemas.cddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.testing.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published schemas in shared/vectors/cddl compile, and the published receipts validate against them. */
class SharedSchemasTest {

    private static String cddl(String file) {
        return new String(SharedFiles.readVector("cddl/" + file), StandardCharsets.UTF_8);
    }

    private static CborValue receipt(String file) throws Exception {
        return CborDecoder.decode(SharedFiles.readVector("cose/receipts/" + file), CborProfile.WELL_FORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "verifiable-agent-conversations.agent-conversation.cddl",
            "verifiable-agent-conversations.agent-conversation.feat-update-id-prose.cddl",
            "cose-receipts.draft-18.fig-receipts.cddl",
            "cose-receipts.inclusion-receipt.cddl",
            "cose-receipts.consistency-receipt.cddl"})
    void eachSelfContainedSchemaCompiles(String file) throws Exception {
        assertThat(Schema.compile(file, cddl(file)).ruleNames()).isNotEmpty();
    }

    /** RFC 9360 §2: the two X.509 header types the SCITT figure uses without defining them. */
    private static final String RFC_9360 = """
            COSE_X509 = bstr / [2* bstr]
            COSE_CertHash = [hashAlg: (int / tstr), hashValue: bstr]
            """;

    @Test
    void theSignedStatementFigureCompilesWithTheRfc9360TypesItUses() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("signed_statement.cddl", cddl("scitt-architecture.signed_statement.cddl"));
        sources.put("rfc9360.cddl", RFC_9360);

        assertThat(Schema.compile(sources).ruleNames()).contains("Signed_Statement", "COSE_X509");
        assertThatThrownBy(() -> Schema.compile("signed_statement.cddl", cddl("scitt-architecture.signed_statement.cddl")))
                .isInstanceOf(SchemaException.class)
                .hasMessage("""
                        signed_statement.cddl:16:19: undefined name COSE_CertHash
                        signed_statement.cddl:17:23: undefined name COSE_X509
                        signed_statement.cddl:28:23: undefined name COSE_X509""");
    }

    @Test
    void theTransparentStatementFigureRedefinesTheUnprotectedHeaderOfTheSignedStatementFigure() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("signed_statement.cddl", cddl("scitt-architecture.signed_statement.cddl"));
        sources.put("rfc9360.cddl", RFC_9360);
        sources.put("transparent_statement.cddl", cddl("scitt-architecture.transparent_statement.cddl"));

        assertThatThrownBy(() -> Schema.compile(sources))
                .isInstanceOf(SchemaException.class)
                .hasMessage("transparent_statement.cddl:3:1: rule Unprotected_Header is already defined at "
                        + "signed_statement.cddl:27:1; use /= or //= to add choices");
    }

    @Test
    void theInclusionReceiptValidatesAgainstTheInclusionReceiptSchema() throws Exception {
        Validator validator = Schema.compile("inclusion", cddl("cose-receipts.inclusion-receipt.cddl"))
                .validator("Receipt_For_Inclusion");

        assertThat(validator.validate(receipt("inclusion-receipt.cbor")).failures()).isEmpty();
        assertThat(validator.validate(receipt("consistency-receipt.cbor")).isValid()).isFalse();
    }

    @Test
    void theConsistencyReceiptValidatesAgainstTheConsistencyReceiptSchema() throws Exception {
        Validator validator = Schema.compile("consistency", cddl("cose-receipts.consistency-receipt.cddl"))
                .validator("Receipt_For_Consistency");

        assertThat(validator.validate(receipt("consistency-receipt.cbor")).failures()).isEmpty();
        assertThat(validator.validate(receipt("inclusion-receipt.cbor")).isValid()).isFalse();
    }

    @Test
    void bothReceiptsValidateAgainstTheReceiptFigureOfRfc9942() throws Exception {
        Validator validator = Schema.compile("fig", cddl("cose-receipts.draft-18.fig-receipts.cddl")).validator("Receipt");

        assertThat(validator.validate(receipt("inclusion-receipt.cbor")).failures()).isEmpty();
        assertThat(validator.validate(receipt("consistency-receipt.cbor")).failures()).isEmpty();
    }

    @Test
    void aReceiptWhoseVdsIsTextFailsAtThatPath() throws Exception {
        CborTag original = (CborTag) receipt("inclusion-receipt.cbor");
        CborArray sign1 = (CborArray) original.content();
        CborMap header = (CborMap) CborDecoder.decode(((dev.runtape.cbor.CborByteString) sign1.get(0)).bytes(),
                CborProfile.WELL_FORMED);
        CborMap.Builder changed = CborMap.builder();
        header.entries().forEach((k, v) -> changed.put(k, k.toString().equals("395") ? CborTextString.of("1") : v));
        CborValue mutated = new CborTag(18, new CborArray(List.of(
                new dev.runtape.cbor.CborByteString(changed.build().encode()), sign1.get(1), sign1.get(2), sign1.get(3))));

        ValidationResult result = Schema.compile("inclusion", cddl("cose-receipts.inclusion-receipt.cddl"))
                .validator("Receipt_For_Inclusion").validate(mutated);

        assertThat(result.failures()).extracting(Failure::toString)
                .containsExactly("$[0].395: expected int, found text \"1\"");
    }
}
