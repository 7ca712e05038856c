package dev.runtape.ledger.importer;

import dev.runtape.verifier.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file to import, read whole: its path (formats look beside it for related files, e.g. Claude Code's subagents)
 * and its bytes. Its digest names what was imported, so the same bytes always import as the same trajectory.
 */
public record SourceFile(Path path, byte[] bytes) {

    public SourceFile {
        bytes = bytes.clone();
    }

    /** Reads a file from disk. */
    public static SourceFile read(Path path) throws ImportException {
        try {
            return new SourceFile(path, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new ImportException(path, "the whole file", "cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a file a format reads beside the one it was given (a subagent's transcript, a referenced
     * sub-trajectory, a recording's metadata), held to the same rules: not empty, UTF-8, no line over the default
     * limit. Only the given file passes through {@link FormatDetector}, so its companions are checked here.
     */
    public static SourceFile readBeside(Path path) throws ImportException {
        SourceFile file = read(path);
        new SourceFileCheck(SourceFileCheck.DEFAULT_LINE_LIMIT).check(file);
        return file;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The first {@code limit} bytes as text, for detection without parsing a large file. */
    public String head(int limit) {
        return new String(bytes, 0, Math.min(limit, bytes.length), StandardCharsets.UTF_8);
    }

    /** The first {@code limit} bytes, for detection of a binary format. */
    public byte[] firstBytes(int limit) {
        return Arrays.copyOf(bytes, Math.min(limit, bytes.length));
    }

    /** The file name without its directory. */
    public String name() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** SHA-256 of the bytes. */
    public Digest digest() {
        return Digest.sha256(bytes);
    }

    /** The first 32 hex digits of the digest: enough to tell files apart in ids of at most 200 characters. */
    public String shortDigest() {
        return digest().hex().substring(0, 32);
    }
}
