package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.JwkCodec;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runtape keys list}: the ledger's keys and the producers' registered keys, read from the public key sets
 * (JWK form), as a table or as the two sets themselves.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the ledger's keys and the producers' registered keys (public: no API key needed).")
final class ListKeysCommand implements Callable<Integer> {

    private static final String JWK_SET = "application/jwk-set+json";
    private static final String[] HEADINGS = {"OWNER", "KID", "ALG", "PRINCIPAL", "VALID-FROM", "REVOKED-AT"};

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Option(names = "--json", description = "print {\"ledger-keys\": JWK Set, \"producer-keys\": JWK Set}")
    private boolean json;

    @Override
    public Integer call() {
        JsonNode ledger;
        JsonNode producers;
        try {
            RuntapeClient api = client.anonymous();
            ledger = api.get("/.well-known/runtape/keys", JWK_SET).json();
            producers = api.get("/.well-known/runtape/producer-keys", JWK_SET).json();
        } catch (ClientException e) {
            return ExitCodes.failed(spec, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode both = RuntapeClient.JSON.createObjectNode();
            both.set("ledger-keys", ledger);
            both.set("producer-keys", producers);
            out.println(both.toPrettyString());
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        try {
            addRows(rows, "ledger", ledger);
            addRows(rows, "producer", producers);
        } catch (FormatException e) {
            return ExitCodes.failed(spec, new ClientException("the server sent a key that does not parse: "
                    + e.getMessage(), e));
        }
        print(out, rows);
        return ExitCodes.OK;
    }

    private static void addRows(List<String[]> rows, String owner, JsonNode set) throws FormatException {
        for (JsonNode jwk : set.path("keys")) {
            rows.add(new String[] {owner, JwkCodec.decode(jwk).thumbprint().hex(), jwk.path("alg").asText("-"),
                jwk.path("principal").asText("-"), time(jwk.path("valid-from")), time(jwk.path("revoked-at"))});
        }
    }

    /** A key set's times are milliseconds since 1970 (keys.cddl). */
    private static String time(JsonNode millis) {
        return millis.isNumber() ? Instant.ofEpochMilli(millis.asLong()).toString() : "-";
    }

    private static void print(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
