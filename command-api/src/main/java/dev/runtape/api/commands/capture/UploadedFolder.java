package dev.runtape.api.commands.capture;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A trajectory file uploaded with the files beside it, as one zip: each entry a relative path, extracted into the
 * import's empty directory. Refused, naming the entry: an absolute path or one that leaves the directory, more than
 * {@link #MAX_ENTRIES} entries, and a zip that holds no entry of the file's own name. The request's size limit bounds
 * the zip; the extracted files are bounded to {@link #MAX_EXTRACTED} bytes in all.
 */
final class UploadedFolder {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_EXTRACTED = 1L << 30;

    private UploadedFolder() {
    }

    static void extract(InputStream zip, Path directory, String name) throws IOException {
        int entries = 0;
        long extracted = 0;
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw refused("more than " + MAX_ENTRIES + " entries");
                }
                Path target = directory.resolve(entry.getName()).normalize();
                if (entry.getName().startsWith("/") || !target.startsWith(directory) || target.equals(directory)) {
                    throw refused("entry \"" + entry.getName() + "\" is not a relative path inside the upload");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                byte[] buffer = new byte[1 << 16];
                try (var out = Files.newOutputStream(target)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        extracted += n;
                        if (extracted > MAX_EXTRACTED) {
                            throw refused("more than " + MAX_EXTRACTED + " bytes once extracted");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                found |= target.equals(directory.resolve(name));
            }
        } catch (java.util.zip.ZipException e) {
            throw refused("not a zip: " + e.getMessage());
        }
        if (!found) {
            throw refused("no entry \"" + name + "\", the file the upload is named after");
        }
    }

    private static ProblemException refused(String why) {
        return new ProblemException(ProblemType.INVALID_REQUEST, "the uploaded zip: " + why);
    }
}
