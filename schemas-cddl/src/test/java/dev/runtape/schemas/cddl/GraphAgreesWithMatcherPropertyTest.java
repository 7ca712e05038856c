package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.encoded;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.ExampleInstances;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.bench.StatementValidationBenchmark;
import dev.runtape.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The compiled graph and the interpreting matcher agree on every verdict: for Runtape's schemas, the verifiable
 * agent conversations schema, and a schema of the harder corners (choices of maps, group choices, optional and
 * repeated splices, non-cutting keys, generics, controls, tags, recursion), on valid instances changed at random.
 * Where the graph cannot tell (an instance nested too deeply), it says so rather than guess.
 */
class GraphAgreesWithMatcherPropertyTest {

    private static final String CORNERS = """
            root = [* item]
            item = kinds / grouped / spliced / arrays / generic / controls / tags / embedded / ranges / tree
                 / literals
            kinds = {"kind": "a", x: int} / {"kind": "b", ? y: tstr, * tstr => int} / {"kind": "c", common}
                  / {z: bool} / {"kind": "a", "extra" => bool}
            common = (? "w" => uint, ? v: [* tstr])
            grouped = {(p: int // q: tstr), ? r: bool, * int => any}
            spliced = {? g, h: int, * g2}
            g = (i: int, ? j: int)
            g2 = (? "k" => tstr)
            arrays = [+ (int, ? tstr)] / [tstr, * (bool, bool)] / [2*3 uint] / [a: int, b: tstr] / [? int, + tstr]
            generic = pair<int, tstr> / pair<tstr, [* pair<int, int>]>
            pair<a, b> = [a, b]
            controls = (tstr .size (1..5)) / (bstr .size 2) / (uint .size 1) / (int .lt -10) / (float .ge 1.5)
                     / (tstr .regexp "[a-z]+") / (uint .bits flags) / (nint .eq -7) / (text .ne "no")
                     / ({* tstr => int} .and {"n": 1})
            flags = &(read: 0, write: 1)
            tags = #6.1(number) / #6(tstr) / #7.25 / #2.3 / #3.2 / #4.1 / #5.0 / #0.5 / #1.5 / #7.22
            embedded = bstr .cbor kinds / bstr .cborseq [* int]
            ranges = 100..110 / 0.5..2.5 / -5...-2
            tree = [* tree] / "leaf"
            literals = 1.25 / h'beef' / 18446744073709551615 / -18446744073709551616 / true
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A validator and the valid instances it starts from. */
    private record Case(String name, Validator validator, List<CborValue> seeds) {
    }

    private static List<Case> cases;

    @BeforeContainer
    static void compile() throws Exception {
        cases = new ArrayList<>();
        Map<String, List<CborValue>> examples = eventExamples();
        List<CborValue> statements = new ArrayList<>();
        statements.add(StatementValidationBenchmark.typicalStatement());
        List<CborValue> payloads = new ArrayList<>();
        examples.values().forEach(payloads::addAll);
        cases.add(new Case("statement", RuntapeSchemas.validator(RuntapeSchemas.STATEMENT), statements));
        cases.add(new Case("event-payload", RuntapeSchemas.validator("event-payload"), payloads));
        for (Map.Entry<String, List<CborValue>> type : examples.entrySet()) {
            cases.add(new Case(type.getKey(), RuntapeSchemas.validator(type.getKey()), type.getValue()));
        }
        Schema agent = Schema.compile("agent.cddl", new String(SharedFiles.readVector(
                "cddl/verifiable-agent-conversations.agent-conversation.cddl"), StandardCharsets.UTF_8));
        cases.add(new Case("agent record", agent.validator("verifiable-agent-record"), List.of(agentRecord())));
        Schema corners = Schema.compile("corners.cddl", CORNERS);
        cases.add(new Case("corners", corners.validator("root"), List.of(cornerInstances())));
    }

    @Property(tries = 300)
    void theGraphAndTheMatcherAgreeOnChangedInstances(@ForAll long seed) {
        Random random = new Random(seed);
        for (Case c : cases) {
            for (CborValue valid : c.seeds()) {
                CborValue changed = valid;
                int changes = 1 + random.nextInt(3);
                for (int i = 0; i < changes; i++) {
                    changed = Mutations.apply(changed, random);
                }
                assertAgree(c, changed);
                assertAgree(c, Mutations.reembedded(changed, c.validator(), random));
            }
        }
    }

    @Property(tries = 100)
    void theGraphAndTheMatcherAgreeOnRandomValues(@ForAll long seed) {
        Random random = new Random(seed);
        for (Case c : cases) {
            for (int i = 0; i < 5; i++) {
                assertAgree(c, Mutations.randomValue(random, 3));
            }
        }
    }

    @Property(tries = 1)
    void theGraphAloneAcceptsEveryValidStartingInstance() {
        for (Case c : cases) {
            for (CborValue valid : c.seeds()) {
                assertThat(c.validator().interpret(valid).failures()).as(c.name()).isEmpty();
                assertThat(c.validator().compiledVerdict(valid)).as(c.name() + ": " + valid).isTrue();
            }
        }
    }

    private static void assertAgree(Case c, CborValue instance) {
        Boolean compiled = c.validator().compiledVerdict(instance);
        Statistics.label("verdicts").collect(compiled == null ? "left to the matcher" : compiled ? "valid" : "invalid");
        if (compiled != null) {
            assertThat(compiled).as(c.name() + ": " + instance + " " + c.validator().interpret(instance).failures())
                    .isEqualTo(c.validator().interpret(instance).isValid());
        }
    }

    private static Map<String, List<CborValue>> eventExamples() throws IOException {
        try (InputStream in = RuntapeSchemas.class.getResourceAsStream("event-examples.json")) {
            JsonNode valid = JSON.readTree(in).get("valid");
            Map<String, List<CborValue>> examples = new LinkedHashMap<>();
            valid.properties().forEach(type -> {
                List<CborValue> instances = new ArrayList<>();
                type.getValue().forEach(example -> instances.add(ExampleInstances.toCbor(example)));
                examples.put(type.getKey(), instances);
            });
            return examples;
        }
    }

    private static CborValue agentRecord() {
        return JsonInstances.toCbor(Cddl.json("""
                {"version": "3.0", "id": "rec-2", "created": "2025-11-22T03:04:05.123Z",
                 "session": {"format": "interactive", "session-id": "s-42", "session-end": 1763780400000,
                   "agent-meta": {"model-id": "m", "model-provider": "p", "models": ["m", "n"], "x-seed": 7},
                   "environment": {"working-dir": "/w", "vcs": {"type": "git", "revision": "44dd63c"}},
                   "entries": [
                     {"type": "user", "content": "List the files", "timestamp": "2025-11-22T03:00:01Z", "id": "e1"},
                     {"type": "assistant", "content": [{"type": "text", "text": "Running ls"}], "id": "e2",
                      "token-usage": {"input": 120, "output": 30, "cost": 0.0042},
                      "children": [{"type": "tool-call", "name": "Bash", "input": {"command": "ls"}, "call-id": "c1"}]},
                     {"type": "tool-result", "output": "README.md", "call-id": "c1", "is-error": false},
                     {"type": "reasoning", "content": "short", "encrypted": "ZW5j"},
                     {"type": "system-event", "event-type": "compaction", "data": {"before": 1000}}
                   ]},
                 "vcs": {"type": "jj", "revision": "kxqpvmwy"},
                 "x-record-extension": true}
                """));
    }

    private static CborArray cornerInstances() {
        return arr(
                map("kind", "a", "x", 1),
                map("kind", "b", "y", "s", "other", 5),
                map("kind", "c", "w", 3, "v", arr("t", "u")),
                map("z", true),
                map("kind", "a", "extra", false),
                map("p", 1, "r", true, 7, "any"),
                map("q", "s", 1, 2),
                map("i", 1, "j", 2, "h", 3, "k", "v"),
                map("h", 3),
                arr(1, "a", 2, 3, "b"),
                arr("t", true, false, false, true),
                arr(1, 2, 3),
                arr(1, "x"),
                arr("x", "y"),
                arr(1, "x", "y"),
                arr("k", arr(arr(1, 2), arr(3, 4))),
                "abc", Cddl.bytes("0102"), 200, -11, 2.0, 1,
                map("n", 1),
                tag(1, 5), tag(1, 1.5), tag(99, "t"), new CborFloat(0.5), Cddl.bytes("010203"), "ab",
                arr(9), CborMap.EMPTY, 5, -6, CborSimple.NULL,
                encoded(map("kind", "a", "x", -3)), new CborByteString(concat(CborInteger.of(1), CborInteger.of(2))),
                105, 1.0, -4,
                arr(arr(arr(), arr("leaf")), "leaf"),
                1.25, Cddl.bytes("beef"), new CborInteger(new java.math.BigInteger("18446744073709551615")),
                new CborInteger(java.math.BigInteger.ONE.shiftLeft(64).negate()), true);
    }

    private static byte[] concat(CborValue... values) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (CborValue value : values) {
            out.writeBytes(value.encode());
        }
        return out.toByteArray();
    }

    /** Random one-place changes to CBOR values: a member dropped or added, an item dropped or repeated, a value swapped. */
    static final class Mutations {

        private static final List<CborValue> KEYS = List.of(CborTextString.of("kind"), CborTextString.of("x"),
                CborTextString.of("content"), CborTextString.of("extra"), CborTextString.of("w"),
                CborTextString.of("steps"), CborTextString.of("trajectory-id"), CborInteger.of(1),
                CborInteger.of(-70001), CborInteger.of(7), CborTextString.of("p"), CborTextString.of("q"));

        private static final List<CborValue> VALUES = List.of(CborInteger.of(0), CborInteger.of(-1),
                CborInteger.of(1), CborInteger.of(106), CborTextString.of(""), CborTextString.of("a"),
                CborTextString.of("message"), CborTextString.of("reasoning"), CborTextString.of("b"),
                CborTextString.of("x".repeat(201)), new CborByteString(new byte[32]), new CborByteString(new byte[2]),
                CborSimple.TRUE, CborSimple.NULL, new CborFloat(1.5), new CborFloat(Double.NaN), CborMap.EMPTY,
                new CborArray(List.of()), CborTextString.of("leaf"), CborTextString.of("StepsRecorded"));

        private Mutations() {
        }

        static CborValue apply(CborValue value, Random random) {
            List<CborValue> containers = new ArrayList<>();
            collect(value, containers);
            if (containers.isEmpty() || random.nextInt(10) == 0) {
                return pick(VALUES, random);
            }
            CborValue target = containers.get(random.nextInt(containers.size()));
            return replace(value, target, change(target, random));
        }

        /** Re-encodes a byte string that holds CBOR, after changing what it holds, sometimes. */
        static CborValue reembedded(CborValue value, Validator validator, Random random) {
            List<CborValue> embedded = new ArrayList<>();
            collectEmbedded(value, embedded);
            if (embedded.isEmpty()) {
                return value;
            }
            CborByteString target = (CborByteString) embedded.get(random.nextInt(embedded.size()));
            try {
                CborValue inner = dev.runtape.cbor.CborDecoder.decode(target.bytes(),
                        dev.runtape.cbor.CborProfile.WELL_FORMED);
                return replace(value, target, new CborByteString(apply(inner, random).encode()));
            } catch (dev.runtape.cbor.CborException e) {
                return value;
            }
        }

        private static CborValue change(CborValue target, Random random) {
            if (target instanceof CborMap m) {
                List<Map.Entry<CborValue, CborValue>> entries = new ArrayList<>(m.entries().entrySet());
                int what = random.nextInt(4);
                if (what == 0 && !entries.isEmpty()) {
                    entries.remove(random.nextInt(entries.size()));
                } else if (what == 1 && !entries.isEmpty()) {
                    int i = random.nextInt(entries.size());
                    entries.set(i, Map.entry(entries.get(i).getKey(), pick(VALUES, random)));
                } else if (what == 2) {
                    CborValue key = pick(KEYS, random);
                    entries.removeIf(e -> e.getKey().equals(key));
                    entries.add(Map.entry(key, random.nextBoolean() ? pick(VALUES, random) : randomValue(random, 1)));
                } else if (!entries.isEmpty()) {
                    int i = random.nextInt(entries.size());
                    entries.set(i, Map.entry(entries.get(i).getKey(), apply(entries.get(i).getValue(), random)));
                }
                CborMap.Builder builder = CborMap.builder();
                entries.forEach(e -> builder.put(e.getKey(), e.getValue()));
                return builder.build();
            }
            if (target instanceof CborArray a) {
                List<CborValue> items = new ArrayList<>(a.items());
                int what = random.nextInt(4);
                if (what == 0 && !items.isEmpty()) {
                    items.remove(random.nextInt(items.size()));
                } else if (what == 1 && !items.isEmpty()) {
                    items.add(random.nextInt(items.size()), items.get(random.nextInt(items.size())));
                } else if (what == 2 && !items.isEmpty()) {
                    items.set(random.nextInt(items.size()), pick(VALUES, random));
                } else {
                    items.add(pick(VALUES, random));
                }
                return new CborArray(items);
            }
            if (target instanceof CborTag t) {
                return random.nextBoolean() ? new CborTag(t.tag() + 1, t.content()) : new CborTag(t.tag(), pick(VALUES, random));
            }
            return pick(VALUES, random);
        }

        private static void collect(CborValue value, List<CborValue> into) {
            into.add(value);
            switch (value) {
                case CborMap m -> m.entries().values().forEach(v -> collect(v, into));
                case CborArray a -> a.items().forEach(v -> collect(v, into));
                case CborTag t -> collect(t.content(), into);
                default -> {
                }
            }
        }

        private static void collectEmbedded(CborValue value, List<CborValue> into) {
            switch (value) {
                case CborByteString b when b.length() > 0 && isCbor(b) -> into.add(b);
                case CborMap m -> m.entries().values().forEach(v -> collectEmbedded(v, into));
                case CborArray a -> a.items().forEach(v -> collectEmbedded(v, into));
                case CborTag t -> collectEmbedded(t.content(), into);
                default -> {
                }
            }
        }

        private static boolean isCbor(CborByteString bytes) {
            try {
                CborValue inner = dev.runtape.cbor.CborDecoder.decode(bytes.bytes(), dev.runtape.cbor.CborProfile.WELL_FORMED);
                return inner instanceof CborMap || inner instanceof CborArray;
            } catch (dev.runtape.cbor.CborException e) {
                return false;
            }
        }

        /** {@code root} with the value {@code target} (found by identity) replaced. */
        private static CborValue replace(CborValue root, CborValue target, CborValue replacement) {
            if (root == target) {
                return replacement;
            }
            return switch (root) {
                case CborMap m -> {
                    CborMap.Builder builder = CborMap.builder();
                    m.entries().forEach((k, v) -> builder.put(k, replace(v, target, replacement)));
                    yield builder.build();
                }
                case CborArray a -> new CborArray(a.items().stream().map(v -> replace(v, target, replacement)).toList());
                case CborTag t -> new CborTag(t.tag(), replace(t.content(), target, replacement));
                default -> root;
            };
        }

        static CborValue randomValue(Random random, int depth) {
            int kind = random.nextInt(depth == 0 ? 6 : 9);
            return switch (kind) {
                case 0 -> CborInteger.of(random.nextInt(300) - 150);
                case 1 -> CborTextString.of(Long.toString(random.nextLong(), 36).substring(0, 1 + random.nextInt(5)));
                case 2 -> new CborByteString(new byte[random.nextInt(40)]);
                case 3 -> new CborFloat(random.nextInt(10) / 4.0);
                case 4 -> pick(List.of(CborSimple.TRUE, CborSimple.FALSE, CborSimple.NULL), random);
                case 5 -> pick(VALUES, random);
                case 6 -> {
                    List<CborValue> items = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        items.add(randomValue(random, depth - 1));
                    }
                    yield new CborArray(items);
                }
                case 7 -> {
                    CborMap.Builder builder = CborMap.builder();
                    java.util.Set<CborValue> used = new java.util.HashSet<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        CborValue key = random.nextBoolean() ? pick(KEYS, random) : randomValue(random, 0);
                        if (used.add(key)) {
                            builder.put(key, randomValue(random, depth - 1));
                        }
                    }
                    yield builder.build();
                }
                default -> new CborTag(random.nextInt(3), randomValue(random, depth - 1));
            };
        }

        private static <T> T pick(List<T> from, Random random) {
            return from.get(random.nextInt(from.size()));
        }
    }
}
