package dev.runtape.schemas.cddl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.testing.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Compile once, validate many times: a validator gives the same result every time, and from several threads. */
class RepeatedValidationTest {

    private static final String RECORD = """
            {"version": "3.0", "id": "r", "session": {"session-id": "s", "agent-meta": {"model-id": "m",
             "model-provider": "p"}, "entries": [{"type": "user", "content": "hi", "timestamp": "2025-11-22T03:00:01Z"},
             {"type": "tool-call", "name": "Bash", "input": {"command": "ls"}},
             {"type": "tool-result", "output": "", "is-error": "no"}]}}
            """;

    private static Validator validator() throws SchemaException {
        return Schema.compile("agent.cddl", new String(SharedFiles.readVector(
                "cddl/verifiable-agent-conversations.agent-conversation.cddl"), StandardCharsets.UTF_8))
                .validator("verifiable-agent-record");
    }

    @Test
    void validatingTheSameInstanceTenThousandTimesGivesTheSameResult() throws Exception {
        Validator validator = validator();
        JsonNode record = Cddl.json(RECORD);
        ValidationResult first = validator.validate(record);

        int different = 0;
        for (int i = 0; i < 10_000; i++) {
            if (!validator.validate(record).equals(first)) {
                different++;
            }
        }

        assertThat(different).isZero();
        assertThat(first.failures()).extracting(Failure::toString)
                .containsExactly("$.session.entries[2].is-error: expected bool, found text \"no\"");
    }

    @Test
    void oneValidatorServesSeveralThreadsAtOnce() throws Exception {
        Validator validator = validator();
        JsonNode invalid = Cddl.json(RECORD);
        JsonNode valid = Cddl.json(RECORD.replace("\"no\"", "false"));
        ValidationResult expected = validator.validate(invalid);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        if (!validator.validate(invalid).equals(expected) || !validator.validate(valid).isValid()) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
