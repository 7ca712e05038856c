package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.map;
import static dev.runtape.schemas.cddl.Cddl.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sockets (RFC 8610 §3.9): {@code $name} type sockets and {@code $$name} group sockets, plugged or not. */
class SocketsTest {

    @Test
    void aTypeSocketTakesEveryChoiceAddedToIt() {
        Cddl.Checker message = rule("message", """
                message = [version: $version]
                $version /= 1
                $version /= 2
                $version /= tstr .regexp "v[0-9]+"
                """);

        assertThat(message.accepts(arr(2))).isTrue();
        assertThat(message.accepts(arr("v3"))).isTrue();
        assertThat(message.failures(arr(3))).containsExactly(
                "$[0]: expected $version (1 / 2 / tstr .regexp \"v[0-9]+\"), found uint 3");
    }

    @Test
    void aTypeSocketNothingPlugsIntoMatchesNothing() {
        Cddl.Checker message = rule("message", "message = [* $extension]");

        assertThat(message.accepts(arr())).isTrue();
        assertThat(message.failures(arr(1))).containsExactly(
                "$[0]: expected $extension (a socket nothing plugs into), found uint 1");
    }

    @Test
    void aGroupSocketAddsAlternativeMembersToAMap() {
        Cddl.Checker options = rule("options", """
                options = {name: tstr, $$options-extension}
                $$options-extension //= (color: tstr)
                $$options-extension //= (size: uint, ? unit: tstr)
                """);

        assertThat(options.accepts(map("name", "n", "color", "red"))).isTrue();
        assertThat(options.accepts(map("name", "n", "size", 3, "unit", "cm"))).isTrue();
        assertThat(options.failures(map("name", "n", "size", "big"))).containsExactly(
                "$.size: expected uint, found text \"big\"");
    }

    @Test
    void aGroupSocketNothingPlugsIntoIsAnEmptyGroup() {
        Cddl.Checker options = rule("options", "options = {name: tstr, * $$options-extension}");

        assertThat(options.accepts(map("name", "n"))).isTrue();
        assertThat(options.failures(map("name", "n", "color", "red"))).containsExactly(
                "$.color: unexpected member (the map allows name: tstr, * $$options-extension)");
    }

    @Test
    void anotherSourceMayPlugIntoASocket() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("base.cddl", "message = {kind: $kind, * $$message-extension}\n$kind /= \"ping\"");
        sources.put("extension.cddl", """
                $kind /= "pong"
                $$message-extension //= (? delay: uint)
                """);
        Validator message = Schema.compile(sources).validator("message");

        assertThat(message.validate(map("kind", "pong", "delay", 5)).isValid()).isTrue();
        assertThat(message.validate(map("kind", "pang")).failures()).extracting(Failure::toString)
                .containsExactly("$.kind: expected $kind (\"ping\" / \"pong\"), found text \"pang\"");
    }

    @Test
    void aGroupSocketPlugsIntoAnArray() {
        Cddl.Checker record = rule("record", """
                record = [id: uint, $$record-tail]
                $$record-tail //= (note: tstr)
                $$record-tail //= (code: int, reason: tstr)
                """);

        assertThat(record.accepts(arr(1, "n"))).isTrue();
        assertThat(record.accepts(arr(1, -2, "r"))).isTrue();
        assertThat(record.accepts(arr(1))).isFalse();
    }
}
