package dev.runtape.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.cose.CoseSign1;
import org.junit.jupiter.api.Test;

/**
 * Commands and reads in CBOR ({@code application/cbor}) as well as JSON: the same members, the same answers. Answers
 * are well-formed CBOR, not deterministic (Jackson writes maps of indefinite length): only statements are signed.
 */
class CborTest extends ServiceTest {

    private HttpClientForTests cbor() {
        return admin().withHeader("Accept", "application/cbor");
    }

    @Test
    void aCommandSentInCborIsAnsweredInCborWithTheSameMembersAsJson() throws Exception {
        byte[] body = CborMap.builder().put("task-id", CborTextString.of("cbor-task"))
                .put("prompt", CborTextString.of("Fix the tokenizer")).put("family", CborTextString.of("cbor"))
                .build().encode();
        Answer created = cbor().post("/tasks", "application/cbor", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Content-Type")).isEqualTo("application/cbor");
        CborMap outcome = (CborMap) CborDecoder.decode(created.bytes(), CborProfile.WELL_FORMED);
        assertThat(outcome.get("stream")).hasValue(CborTextString.of("task/cbor-task"));
        assertThat(outcome.get("revision")).hasValue(CborInteger.of(0));
    }

    @Test
    void aStreamReadInCborCarriesEachStatementAsAByteString() throws Exception {
        admin().postJson("/tasks", "{\"task-id\": \"cbor-task-2\", \"prompt\": \"p\", \"family\": \"cbor\"}");
        Answer stream = cbor().get("/streams/task/cbor-task-2");

        assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
        CborMap page = (CborMap) CborDecoder.decode(stream.bytes(), CborProfile.WELL_FORMED);
        CborMap first = (CborMap) ((CborArray) page.get("statements").orElseThrow()).items().getFirst();
        CborValue statement = first.get("statement").orElseThrow();
        assertThat(statement).isInstanceOf(CborByteString.class);
        assertThat(CoseSign1.decode(((CborByteString) statement).bytes()).payload()).isNotEmpty();
    }

    @Test
    void anUnknownMemberInCborIsRefusedAsInJson() {
        byte[] body = CborMap.builder().put("task-id", CborTextString.of("cbor-task-3"))
                .put("promt", CborTextString.of("typo")).build().encode();
        Answer refused = cbor().post("/tasks", "application/cbor", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("promt");
    }
}
