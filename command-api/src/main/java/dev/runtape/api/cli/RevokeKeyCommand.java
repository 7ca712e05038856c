package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code runtape keys revoke KID}: a ledger or producer key stops counting from a time on. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revokes a ledger key (not the one signing now: rotate first) or a producer's key (needs an "
                + "admin key): statements issued at or after --at no longer verify with it."})
final class RevokeKeyCommand implements Callable<Integer> {

    private static final Pattern KID = Pattern.compile("[0-9a-fA-F]{64}");

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Parameters(paramLabel = "KID", description = "the key's kid, 64 hex digits (as keys list shows it)")
    private String kid;

    @Option(names = "--at", paramLabel = "TIME", converter = Times.class,
            description = "from when, e.g. 2025-06-01T12:00:00Z, or an earlier time a compromise began "
                    + "(default: now)")
    private @Nullable Instant at;

    @Override
    public Integer call() {
        if (!KID.matcher(kid).matches()) {
            throw new ParameterException(spec.commandLine(), "a kid is 64 hex digits, not " + kid);
        }
        ObjectNode body = RuntapeClient.JSON.createObjectNode();
        if (at != null) {
            body.put("effective-at", at.toString());
        }
        try {
            JsonNode key = client.authenticated().postJson("/admin/keys/" + kid + "/revocation", body, Map.of())
                    .json();
            spec.commandLine().getOut().println(key.path("kid").asText() + " revoked from "
                    + key.path("revoked-at").asText());
            return ExitCodes.OK;
        } catch (ClientException e) {
            return ExitCodes.failed(spec, e);
        }
    }
}
