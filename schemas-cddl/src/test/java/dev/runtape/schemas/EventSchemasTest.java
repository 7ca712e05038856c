package dev.runtape.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type's payload schema: the examples in {@code event-examples.json} validate, and each one-change
 * mutation of them fails with exactly the failures named there.
 */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode examples() throws IOException {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream("event-examples.json")) {
            return JSON.readTree(in);
        }
    }

    static Stream<Arguments> validExamples() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        examples().get("valid").properties().forEach(type -> {
            for (int i = 0; i < type.getValue().size(); i++) {
                cases.add(Arguments.of(type.getKey(), Named.of(type.getKey() + "[" + i + "]", type.getValue().get(i))));
            }
        });
        return cases.stream();
    }

    static Stream<Arguments> mutations() throws IOException {
        JsonNode all = examples();
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode mutation : all.get("invalid")) {
            String rule = mutation.get("rule").asText();
            JsonNode example = all.get("valid").get(rule).get(mutation.get("example").asInt()).deepCopy();
            String name = rule + ": " + mutation.get("op").asText() + " " + mutation.get("pointer").asText()
                    + (mutation.has("value") ? " = " + mutation.get("value") : "");
            cases.add(Arguments.of(rule, Named.of(name, apply(example, mutation)), mutation.get("expect").asText()));
        }
        return cases.stream();
    }

    @Test
    void everyEventTypeHasAValidExampleAndAtLeastOneMutation() throws IOException {
        JsonNode all = examples();
        for (String type : RuntapeSchemas.EVENT_TYPES) {
            assertThat(all.get("valid").has(type)).as(type).isTrue();
            assertThat(all.get("invalid").valueStream().anyMatch(m -> m.get("rule").asText().equals(type)))
                    .as(type).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void eachExampleValidates(String rule, JsonNode example) {
        ValidationResult result = RuntapeSchemas.validator(rule).validate(ExampleInstances.toCbor(example));

        assertThat(result.failures()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void eachMutationFailsWhereItWasMade(String rule, JsonNode mutated, String expected) {
        ValidationResult result = RuntapeSchemas.validator(rule).validate(ExampleInstances.toCbor(mutated));

        assertThat(result.failures().stream().map(Failure::toString).collect(Collectors.joining("\n")))
                .isEqualTo(expected);
    }

    private static JsonNode apply(JsonNode example, JsonNode mutation) {
        JsonPointer pointer = JsonPointer.compile(mutation.get("pointer").asText());
        JsonNode parent = example.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        switch (mutation.get("op").asText()) {
            case "set" -> {
                if (parent instanceof ArrayNode array) {
                    array.set(Integer.parseInt(last), mutation.get("value"));
                } else {
                    ((ObjectNode) parent).set(last, mutation.get("value"));
                }
            }
            case "remove" -> {
                if (parent instanceof ArrayNode array) {
                    array.remove(Integer.parseInt(last));
                } else {
                    ((ObjectNode) parent).remove(last);
                }
            }
            default -> throw new IllegalArgumentException("unknown op " + mutation.get("op"));
        }
        return example;
    }
}
