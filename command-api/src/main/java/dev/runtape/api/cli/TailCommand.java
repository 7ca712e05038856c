package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code runtape tail KIND/ID}: a stream's statements, one JSON line each (revision, position, event type, event id,
 * digest), read a page at a time; with {@code --follow} it keeps polling for new ones until interrupted.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Prints a stream's statements, one JSON line each: revision, position, event-type, event-id, "
                + "digest. STREAM is KIND/ID, e.g. trajectory/t-1. With --follow it polls until interrupted."})
final class TailCommand implements Callable<Integer> {

    private static final int PAGE = 100;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Parameters(paramLabel = "STREAM", description = "KIND/ID: task, operator, trajectory or dataset, and its id")
    private String stream;

    @Option(names = "--from", paramLabel = "REVISION", defaultValue = "0",
            description = "the first revision to print (default: ${DEFAULT-VALUE})")
    private long from;

    @Option(names = {"-f", "--follow"}, description = "keep polling for new statements until interrupted")
    private boolean follow;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT1S",
            description = "how often --follow polls, ISO-8601 (default: ${DEFAULT-VALUE})")
    private Duration interval = Duration.ofSeconds(1);

    @Override
    public Integer call() {
        int slash = stream.indexOf('/');
        if (slash < 1 || slash == stream.length() - 1 || from < 0 || interval.isNegative() || interval.isZero()) {
            throw new ParameterException(spec.commandLine(), "give STREAM as KIND/ID (e.g. trajectory/t-1), "
                    + "--from 0 or more and a positive --interval");
        }
        RuntapeClient api = client.authenticated();
        PrintWriter out = spec.commandLine().getOut();
        long next = from;
        try {
            while (true) {
                JsonNode page = api.get("/streams/" + stream + "?from=" + next + "&limit=" + PAGE,
                        "application/json").json();
                for (JsonNode statement : page.path("statements")) {
                    out.println(line(statement));
                    next = statement.path("revision").asLong() + 1;
                }
                out.flush();
                if (page.path("next").isNumber()) {
                    continue;
                }
                if (!follow) {
                    return ExitCodes.OK;
                }
                Thread.sleep(interval.toMillis());
            }
        } catch (ClientException e) {
            return ExitCodes.failed(spec, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    private static String line(JsonNode statement) {
        ObjectNode line = RuntapeClient.JSON.createObjectNode();
        for (String member : new String[] {"revision", "position", "event-type", "event-id", "digest"}) {
            line.set(member, statement.path(member));
        }
        return line.toString();
    }
}
