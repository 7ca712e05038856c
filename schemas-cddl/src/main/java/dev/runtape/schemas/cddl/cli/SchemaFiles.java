package dev.runtape.schemas.cddl.cli;

import dev.runtape.schemas.cddl.Schema;
import dev.runtape.schemas.cddl.SchemaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and compiles the schema files named on the command line, as one schema. */
final class SchemaFiles {

    private SchemaFiles() {
    }

    /** A schema file that cannot be read: a usage error, reported with the file. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Schema compile(List<Path> files) throws Unreadable, SchemaException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                sources.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new Unreadable("schema file " + file + " does not exist", e);
            } catch (IOException e) {
                throw new Unreadable("cannot read schema file " + file + ": " + e.getMessage(), e);
            }
        }
        return Schema.compile(sources);
    }
}
