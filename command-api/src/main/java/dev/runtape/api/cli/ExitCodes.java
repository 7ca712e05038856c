package dev.runtape.api.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The exit statuses of the client subcommands; 2 is also what picocli answers a usage error with. */
final class ExitCodes {
    /** Done. */
    static final int OK = 0;
    /** The server refused the request (a problem document) or could not be reached. */
    static final int FAILED = 1;
    /** Bad options, or an input file that cannot be read. */
    static final int USAGE_OR_INPUT = 2;

    private ExitCodes() {
    }

    /** Reports a failed request on stderr as {@code runtape: <message>} and answers {@link #FAILED}. */
    static int failed(CommandSpec spec, ClientException e) {
        spec.commandLine().getErr().println("runtape: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return FAILED;
    }
}
