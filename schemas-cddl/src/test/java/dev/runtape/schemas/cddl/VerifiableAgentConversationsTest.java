package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.bytes;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.testing.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-built records against the verifiable agent conversations schema (shared/vectors/cddl): a minimal and a rich
 * valid record, then one mutation per invalid record with the path it is reported at; and the COSE_Sign1 form.
 */
class VerifiableAgentConversationsTest {

    private static Schema schema;

    @BeforeAll
    static void compile() throws SchemaException {
        schema = Schema.compile("agent-conversation.cddl", new String(SharedFiles.readVector(
                "cddl/verifiable-agent-conversations.agent-conversation.cddl"), StandardCharsets.UTF_8));
    }

    private static List<String> failures(String rule, JsonNode record) {
        return schema.validator(rule).validate(record).failures().stream().map(Failure::toString).toList();
    }

    private static List<String> failures(String rule, CborValue record) {
        return schema.validator(rule).validate(record).failures().stream().map(Failure::toString).toList();
    }

    private static final String MINIMAL = """
            {
              "version": "3.0",
              "id": "rec-1",
              "session": {
                "session-id": "6f1c5c1e-0b7e-4a57-9a0e-2b1d1f0c9a11",
                "agent-meta": {"model-id": "claude-opus-4-5-20251101", "model-provider": "anthropic"},
                "entries": []
              }
            }
            """;

    private static final String RICH = """
            {
              "version": "3.0",
              "id": "rec-2",
              "created": "2025-11-22T03:04:05.123Z",
              "session": {
                "format": "interactive",
                "session-id": "s-42",
                "session-start": "2025-11-22T03:00:00+01:00",
                "session-end": 1763780400000,
                "agent-meta": {
                  "model-id": "claude-opus-4-5-20251101",
                  "model-provider": "anthropic",
                  "models": ["claude-opus-4-5-20251101", "claude-haiku-4-5"],
                  "cli-name": "claude-code",
                  "cli-version": "2.0.1",
                  "x-seed": 7
                },
                "environment": {
                  "working-dir": "/work/project",
                  "vcs": {"type": "git", "revision": "44dd63c", "branch": "main", "repository": "https://example.com/r.git"},
                  "sandboxes": ["/tmp/sandbox"]
                },
                "entries": [
                  {"type": "user", "content": "List the files", "timestamp": "2025-11-22T03:00:01Z", "id": "e1"},
                  {
                    "type": "assistant",
                    "content": [{"type": "text", "text": "Running ls"}],
                    "timestamp": 1763780402000,
                    "id": "e2",
                    "model-id": "claude-opus-4-5-20251101",
                    "parent-id": "e1",
                    "token-usage": {"input": 120, "output": 30, "cached": 100, "reasoning": 5, "total": 155, "cost": 0.0042},
                    "children": [
                      {"type": "tool-call", "name": "Bash", "input": {"command": "ls"}, "call-id": "c1",
                       "timestamp": "2025-11-22T03:00:03Z", "id": "e3"}
                    ]
                  },
                  {"type": "tool-result", "output": "README.md\\n", "call-id": "c1", "status": "success",
                   "is-error": false, "timestamp": "2025-11-22T03:00:04Z", "id": "e4", "children": []},
                  {"type": "reasoning", "content": "The listing is short.", "encrypted": "ZW5j", "subject": "plan",
                   "id": "e5"},
                  {"type": "system-event", "event-type": "compaction", "data": {"before": 1000, "after": 200},
                   "timestamp": "2025-11-22T03:00:05Z"},
                  {"type": "assistant", "vendor-extension": {"anything": [1, 2, 3]}}
                ],
                "x-session-note": "extensions are allowed"
              },
              "file-attribution": {
                "files": [
                  {
                    "path": "src/Main.java",
                    "conversations": [
                      {
                        "url": "https://example.com/conversations/42",
                        "contributor": {"type": "ai", "model-id": "claude-opus-4-5-20251101"},
                        "ranges": [
                          {"start-line": 1, "end-line": 20, "content-hash": "abc", "content-hash-alg": "sha-256"},
                          {"start-line": 21, "end-line": 22, "contributor": {"type": "human"}}
                        ],
                        "related": [{"type": "issue", "url": "https://example.com/issues/1"}]
                      }
                    ]
                  }
                ]
              },
              "vcs": {"type": "jj", "revision": "kxqpvmwy"},
              "recording-agent": {"name": "runtape", "version": "0.1.0", "build": "dev"},
              "x-record-extension": true
            }
            """;

    private static ObjectNode record(String json) {
        return (ObjectNode) Cddl.json(json);
    }

    /** The rich record with one change. */
    private static ObjectNode richWith(Consumer<ObjectNode> change) {
        ObjectNode record = record(RICH);
        change.accept(record);
        return record;
    }

    private static ObjectNode object(JsonNode record, String pointer) {
        return (ObjectNode) record.at(pointer);
    }

    @Nested
    class ValidRecords {

        @Test
        void theMinimalRecordIsValid() {
            assertThat(failures("verifiable-agent-record", record(MINIMAL))).isEmpty();
        }

        @Test
        void theRichRecordWithEveryEntryTypeAndOptionalPartIsValid() {
            assertThat(failures("verifiable-agent-record", record(RICH))).isEmpty();
        }

        @Test
        void bothRecordsAreValidAgainstTheStartRule() {
            assertThat(failures("start", record(MINIMAL))).isEmpty();
            assertThat(failures("start", record(RICH))).isEmpty();
        }

        @Test
        void theRecordIsValidAsCborToo() {
            CborValue cbor = JsonInstances.toCbor(record(RICH));

            assertThat(failures("verifiable-agent-record", cbor)).isEmpty();
        }

        @Test
        void aSessionIdMayBeBytesInCbor() {
            CborValue cbor = JsonInstances.toCbor(record(MINIMAL));
            CborMap session = (CborMap) ((CborMap) cbor).get("session").orElseThrow();
            CborMap.Builder changed = CborMap.builder();
            session.entries().forEach((k, v) -> changed.put(k, k.equals(Cddl.cbor("session-id")) ? bytes("0102") : v));
            CborMap.Builder root = CborMap.builder();
            ((CborMap) cbor).entries().forEach((k, v) -> root.put(k, k.equals(Cddl.cbor("session")) ? changed.build() : v));

            assertThat(failures("verifiable-agent-record", root.build())).isEmpty();
        }
    }

    @Nested
    class InvalidRecords {

        @Test
        void aToolResultWhoseErrorFlagIsAString() {
            ObjectNode record = richWith(r -> object(r, "/session/entries/2").put("is-error", "false"));

            assertThat(failures("verifiable-agent-record", record))
                    .containsExactly("$.session.entries[2].is-error: expected bool, found text \"false\"");
        }

        @Test
        void aToolResultWhoseStatusIsANumber() {
            ObjectNode record = richWith(r -> object(r, "/session/entries/2").put("status", 0));

            assertThat(failures("verifiable-agent-record", record))
                    .containsExactly("$.session.entries[2].status: expected tstr, found uint 0");
        }

        @Test
        void aMissingSessionId() {
            ObjectNode record = richWith(r -> object(r, "/session").remove("session-id"));

            assertThat(failures("verifiable-agent-record", record))
                    .containsExactly("$.session: missing member session-id: session-id");
        }

        @Test
        void aTimestampThatIsNotAnRfc3339DateTime() {
            ObjectNode record = richWith(r -> object(r, "/session/entries/0").put("timestamp", "2025-11-22 03:00:01"));

            assertThat(failures("verifiable-agent-record", record)).containsExactly(
                    "$.session.entries[0].timestamp: expected abstract-timestamp (tstr .regexp date-time-regexp / uint),"
                            + " found text \"2025-11-22 03:00:01\"");
        }

        @Test
        void aTimestampWithAMonthOutOfRange() {
            ObjectNode record = richWith(r -> object(r, "/session").put("session-start", "2025-13-22T03:00:00Z"));

            assertThat(failures("verifiable-agent-record", record)).containsExactly(
                    "$.session.session-start: expected abstract-timestamp (tstr .regexp date-time-regexp / uint),"
                            + " found text \"2025-13-22T03:00:00Z\"");
        }

        @Test
        void anEntriesMemberThatIsNotAnArray() {
            ObjectNode record = richWith(r -> object(r, "/session").putObject("entries"));

            assertThat(failures("verifiable-agent-record", record))
                    .containsExactly("$.session.entries: expected array, found map of 0 entries");
        }

        @Test
        void aNegativeTokenCount() {
            ObjectNode record = richWith(r -> object(r, "/session/entries/1/token-usage").put("input", -5));

            assertThat(failures("verifiable-agent-record", record))
                    .containsExactly("$.session.entries[1].token-usage.input: expected uint, found nint -5");
        }

        @Test
        void aNestedToolCallWithoutItsInput() {
            ObjectNode record = richWith(r -> object(r, "/session/entries/1/children/0").remove("input"));

            assertThat(failures("verifiable-agent-record", record))
                    .containsExactly("$.session.entries[1].children[0]: missing member input: any");
        }

        @Test
        void anEntryOfAnUnknownTypeIsReportedAgainstTheEntryItMostResembles() {
            ObjectNode record = richWith(r -> object(r, "/session/entries/1/children/0").put("type", "tool-use"));

            assertThat(failures("verifiable-agent-record", record)).containsExactly(
                    "$.session.entries[1].children[0].type: expected \"tool-call\", found text \"tool-use\"");
        }

        @Test
        void anEntryWithNothingButAnUnknownTypeIsReportedAgainstAllEntryTypes() {
            ObjectNode record = richWith(r -> ((ArrayNode) r.at("/session/entries")).addObject().put("type", "note"));

            assertThat(failures("verifiable-agent-record", record)).containsExactly(
                    "$.session.entries[6]: expected message-entry / tool-call-entry / tool-result-entry /"
                            + " reasoning-entry / event-entry, found map of 1 entry");
        }

        @Test
        void anEventWhoseDataIsNotAMap() {
            ObjectNode record = richWith(r -> object(r, "/session/entries/4").putArray("data"));

            assertThat(failures("verifiable-agent-record", record))
                    .containsExactly("$.session.entries[4].data: expected map, found array of 0 items");
        }

        @Test
        void aMissingVersionAndAWrongModelIdAreBothReported() {
            ObjectNode record = richWith(r -> {
                r.remove("version");
                object(r, "/session/agent-meta").put("model-id", 4);
            });

            assertThat(failures("verifiable-agent-record", record)).containsExactly(
                    "$: missing member version: tstr",
                    "$.session.agent-meta.model-id: expected tstr, found uint 4");
        }

        @Test
        void anAttributedRangeWhoseLineIsText() {
            ObjectNode record = richWith(r -> object(r, "/file-attribution/files/0/conversations/0/ranges/1")
                    .put("start-line", "21"));

            assertThat(failures("verifiable-agent-record", record)).containsExactly(
                    "$.file-attribution.files[0].conversations[0].ranges[1].start-line: expected uint, found text \"21\"");
        }

        @Test
        void aContributorOfAnUnknownKind() {
            ObjectNode record = richWith(r -> object(r, "/file-attribution/files/0/conversations/0/contributor")
                    .put("type", "robot"));

            assertThat(failures("verifiable-agent-record", record)).containsExactly(
                    "$.file-attribution.files[0].conversations[0].contributor.type: expected \"human\" / \"ai\" /"
                            + " \"mixed\" / \"unknown\", found text \"robot\"");
        }

        @Test
        void aRangeWithAnExtraMemberIsClosed() {
            ObjectNode record = richWith(r -> object(r, "/file-attribution/files/0/conversations/0/ranges/0")
                    .put("note", "x"));

            assertThat(failures("verifiable-agent-record", record)).containsExactly(
                    "$.file-attribution.files[0].conversations[0].ranges[0].note: unexpected member (the map allows"
                            + " start-line: uint, end-line: uint, ? content-hash: tstr, ? content-hash-alg: tstr,"
                            + " ? contributor: contributor)");
        }

        @Test
        void somethingOtherThanAMap() {
            assertThat(failures("verifiable-agent-record", Cddl.json("[]")))
                    .containsExactly("$: expected verifiable-agent-record (map), found array of 0 items");
        }

        @Test
        void theStartRuleReportsTheRecordAlternative() {
            ObjectNode record = richWith(r -> object(r, "/session").remove("session-id"));

            assertThat(failures("start", record)).containsExactly("$.session: missing member session-id: session-id");
        }
    }

    @Nested
    class SignedRecords {

        private static final CborMap CWT_CLAIMS = map(1, "https://agent.example", 2, "session:s-42");

        private static CborMap traceMetadata() {
            return map("session-id", "s-42", "agent-vendor", "anthropic", "trace-format", "ietf-vac-v3.0",
                    "timestamp-start", "2025-11-22T03:00:00Z", "timestamp-end", 1763780400000L,
                    "content-hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        }

        private static CborValue signed(CborValue protectedHeader, CborValue unprotected, Object payload,
                Object signature) {
            return tag(18, arr(new CborByteString(protectedHeader.encode()), unprotected, payload, signature));
        }

        private static CborValue payload() {
            return new CborByteString(JsonInstances.toCbor(record(MINIMAL)).encode());
        }

        private static final byte[] SIGNATURE = new byte[64];

        @Test
        void aSignedRecordWithTraceMetadataIsValid() {
            CborValue record = signed(map(1, -7, 3, "application/json", 4, bytes("6b6964"), 15, CWT_CLAIMS),
                    map(100, traceMetadata()), payload(), SIGNATURE);

            assertThat(failures("signed-agent-record", record)).isEmpty();
            assertThat(failures("start", record)).isEmpty();
        }

        @Test
        void aDetachedPayloadIsNull() {
            assertThat(failures("signed-agent-record", signed(map(15, CWT_CLAIMS), map(), null, SIGNATURE))).isEmpty();
        }

        @Test
        void aSignedRecordMayCarryX509ChainsAndReceipts() {
            CborValue receipt = tag(18, arr(new CborByteString(map(1, -7).encode()), map(394, arr(bytes("00"))),
                    null, bytes("00")));
            CborValue record = signed(map(15, CWT_CLAIMS, 33, arr(bytes("01"), bytes("02"))),
                    map(33, bytes("03"), 394, arr(receipt)), payload(), SIGNATURE);

            assertThat(failures("signed-agent-record", record)).isEmpty();
        }

        @Test
        void aProtectedHeaderWithoutCwtClaims() {
            CborValue record = signed(map(1, -7), map(), payload(), SIGNATURE);

            assertThat(failures("signed-agent-record", record))
                    .containsExactly("$[0]: missing member &(CWT_Claims: 15) => CWT_Claims");
        }

        @Test
        void anIssuerThatIsNotText() {
            CborValue record = signed(map(15, map(1, 7, 2, "sub")), map(), payload(), SIGNATURE);

            assertThat(failures("signed-agent-record", record)).containsExactly("$[0].15.1: expected tstr, found uint 7");
        }

        @Test
        void aProtectedHeaderThatIsNotCbor() {
            CborValue record = tag(18, arr(bytes("a1"), map(), payload(), SIGNATURE));

            assertThat(failures("signed-agent-record", record)).containsExactly(
                    "$[0]: expected bytes holding CBOR, but at byte 0: map of 1 entries but only 0 bytes remain");
        }

        @Test
        void aPayloadThatIsText() {
            CborValue record = signed(map(15, CWT_CLAIMS), map(), "{}", SIGNATURE);

            assertThat(failures("signed-agent-record", record)).containsExactly("$[2]: expected bstr / null, found text \"{}\"");
        }

        @Test
        void aMissingSignature() {
            CborValue record = tag(18, arr(new CborByteString(map(15, CWT_CLAIMS).encode()), map(), payload()));

            assertThat(failures("signed-agent-record", record))
                    .containsExactly("$: the array ends after 3 items; expected signature: bstr next");
        }

        @Test
        void anotherTagThanCoseSign1() {
            CborValue record = tag(98, arr(new CborByteString(map(15, CWT_CLAIMS).encode()), map(), payload(), SIGNATURE));

            assertThat(failures("signed-agent-record", record))
                    .containsExactly("$: expected signed-agent-record (#6.18(array)), found tag 98");
        }

        @Test
        void optionalHeaderParametersWithoutCutsAreTakenByTheCatchAll() {
            // The schema writes "? &(alg: 1) => int" and "* label => any": without a cut ('^' or ':'), RFC 8610
            // §3.5.4 lets the catch-all take an alg that is not an int, and trace metadata that is incomplete.
            CborMap incompleteTrace = map("session-id", "s-42");
            CborValue record = signed(map(15, CWT_CLAIMS, 1, "ES256"), map(100, incompleteTrace), payload(), SIGNATURE);

            assertThat(failures("signed-agent-record", record)).isEmpty();
        }
    }
}
