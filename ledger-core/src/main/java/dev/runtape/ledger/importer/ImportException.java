package dev.runtape.ledger.importer;

import java.nio.file.Path;

/**
 * A file could not be imported: its message names the file, where in it (a line, a JSON path, a byte range), what was
 * expected there and what was found.
 */
public final class ImportException extends Exception {

    private final Path file;
    private final String location;

    public ImportException(Path file, String location, String problem) {
        super(file + ": " + location + ": " + problem);
        this.file = file;
        this.location = location;
    }

    public ImportException(Path file, String location, String problem, Throwable cause) {
        super(file + ": " + location + ": " + problem, cause);
        this.file = file;
        this.location = location;
    }

    public Path file() {
        return file;
    }

    /** Where in the file, e.g. "line 12" or "$.trajectory[3].action". */
    public String location() {
        return location;
    }
}
