package dev.runtape.ledger.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * How a store takes a content that arrives as a stream: copied into a file of its own first, hashed on the way and
 * refused past its limit, since its digest (the key it is stored under) is known only at its end.
 */
public final class StreamedContents {

    private static final int BUFFER = 64 * 1024;

    private StreamedContents() {
    }

    /**
     * Copies {@code in} to its end into {@code file}, feeding {@code sha256} with every byte.
     *
     * @return how many bytes it held
     * @throws ContentTooLargeException if it holds more than {@code maxBytes}; the file then holds a part only
     */
    public static long copyToFile(InputStream in, Path file, MessageDigest sha256, long maxBytes)
            throws IOException, ContentTooLargeException {
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
                if (size > maxBytes) {
                    throw new ContentTooLargeException(maxBytes);
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return size;
    }
}
