package dev.runtape.api.cli;

import java.io.PrintWriter;

/**
 * Progress of long work on stderr, redrawn on one line with a carriage return: only when someone watches (a
 * terminal), since a script's log would fill with redraws.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long total;
    private final String unit;
    private final boolean shown;

    ProgressBar(PrintWriter err, long total, String unit, boolean shown) {
        this.err = err;
        this.total = total;
        this.unit = unit;
        this.shown = shown;
    }

    /** Whether stderr is a terminal here: the JVM has a console only when both ends of it are one. */
    static boolean terminal() {
        return System.console() != null;
    }

    void update(long done) {
        if (!shown) {
            return;
        }
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit);
        err.flush();
    }

    /** Ends the bar's line, so what follows starts on a line of its own. */
    void finish() {
        if (shown) {
            err.println();
            err.flush();
        }
    }
}
