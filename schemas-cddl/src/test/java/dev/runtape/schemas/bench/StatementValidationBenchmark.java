package dev.runtape.schemas.bench;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.cddl.ValidationResult;
import dev.runtape.schemas.cddl.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validation of a typical statement against Runtape's compiled schemas, on one thread: a signed StepsRecorded
 * statement with eight steps (the envelope, its header parameters, the embedded payload and every step), its bytes
 * decoded and validated together, and the same statement with one wrong value, whose failure is put into words.
 * Target: at least 100,000 valid statements a second on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StatementValidationBenchmark {

    private Validator statements;
    private CborValue statement;
    private byte[] statementBytes;
    private CborValue invalidStatement;

    @Setup
    public void setUp() {
        statements = RuntapeSchemas.validator(RuntapeSchemas.STATEMENT);
        statement = typicalStatement();
        statementBytes = statement.encode();
        ValidationResult check = statements.validate(statement);
        if (!check.isValid()) {
            throw new IllegalStateException("the benchmark's statement is not valid: " + check.failures());
        }
        invalidStatement = statement(CborTextString.of("0"));
        if (statements.validate(invalidStatement).failures().size() != 1) {
            throw new IllegalStateException("the benchmark's invalid statement should fail once");
        }
    }

    @Benchmark
    public ValidationResult validateDecodedStatement() {
        return statements.validate(statement);
    }

    @Benchmark
    public ValidationResult decodeAndValidateStatement() throws Exception {
        return statements.validate(CborDecoder.decode(statementBytes));
    }

    /** The failure path: the same statement with one wrong value ({@code "exit-code": "0"}), reported with its path. */
    @Benchmark
    public ValidationResult validateInvalidStatement() {
        return statements.validate(invalidStatement);
    }

    public static CborValue typicalStatement() {
        return statement(CborInteger.of(0));
    }

    /** The typical statement, with {@code exitCode} as the command step's exit code. */
    private static CborValue statement(CborValue exitCode) {
        List<CborValue> steps = new ArrayList<>();
        String[] kinds = {"message", "reasoning", "tool-call", "tool-result", "command", "file-read", "file-edit", "message"};
        for (int i = 0; i < kinds.length; i++) {
            CborMap.Builder step = CborMap.builder()
                    .put("kind", CborTextString.of(kinds[i]))
                    .put("index", CborInteger.of(i))
                    .put("time", CborInteger.of(1_763_800_000_000L + i * 1000L));
            switch (kinds[i]) {
                case "message" -> step.put("role", CborTextString.of(i == 0 ? "user" : "assistant")).put("content", ref(i));
                case "reasoning" -> step.put("content", ref(i));
                case "tool-call" -> step.put("call-id", CborTextString.of("call_1")).put("tool", CborTextString.of("bash"))
                        .put("arguments", ref(i));
                case "tool-result" -> step.put("call-id", CborTextString.of("call_1")).put("output", ref(i));
                case "command" -> step.put("command", ref(i)).put("cwd", CborTextString.of("/testbed"))
                        .put("exit-code", exitCode).put("stdout", ref(i + 100)).put("duration", CborInteger.of(812));
                case "file-read" -> step.put("path", CborTextString.of("src/app/models.py")).put("content", ref(i));
                default -> step.put("path", CborTextString.of("src/app/models.py")).put("diff", ref(i));
            }
            steps.add(step.build());
        }
        CborMap payload = CborMap.builder()
                .put("trajectory-id", CborTextString.of("traj-01"))
                .put("steps", new CborArray(steps))
                .build();
        CborMap header = CborMap.builder()
                .put(1, CborInteger.of(-8))
                .put(4, new CborByteString(new byte[32]))
                .put(3, CborTextString.of("application/vnd.runtape.event+cbor"))
                .put(15, CborMap.builder().put(1, CborTextString.of("svc-capture"))
                        .put(2, CborTextString.of("trajectory/traj-01")).put(6, CborInteger.of(1_763_800_000)).build())
                .put(-70001, CborTextString.of("StepsRecorded"))
                .put(-70002, CborInteger.of(3))
                .put(-70003, CborTextString.of("0b9d3a6e-8f3c-4c59-9a47-2f6f3d0e9c11"))
                .put(-70004, CborTextString.of("acme"))
                .put(-70005, new CborByteString(new byte[32]))
                .build();
        return new CborTag(18, CborArray.of(new CborByteString(header.encode()), CborMap.EMPTY,
                new CborByteString(payload.encode()), new CborByteString(new byte[64])));
    }

    private static CborMap ref(int seed) {
        byte[] digest = new byte[32];
        digest[0] = (byte) seed;
        return CborMap.builder().put("digest", new CborByteString(digest)).put("size", CborInteger.of(400 + seed)).build();
    }
}
