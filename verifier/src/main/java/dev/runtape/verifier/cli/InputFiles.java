package dev.runtape.verifier.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files named on the command line, turning I/O failures into input errors that name the file. */
final class InputFiles {

    /** Larger inputs are refused rather than read into memory: statements and receipts are small. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private InputFiles() {
    }

    static byte[] read(Path file, String what) throws InputException {
        try {
            long size = java.nio.file.Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(what + " " + file + " has " + size + " bytes; the limit is " + MAX_BYTES);
            }
            return java.nio.file.Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new InputException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
