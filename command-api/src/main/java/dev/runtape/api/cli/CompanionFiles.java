package dev.runtape.api.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files a trajectory file's format reads beside it, which an upload of the file alone would lose: a Claude Code
 * session's {@code SESSION/subagents/*.jsonl}, an AgentNet recording's {@code metadata.json}, {@code task_name.json},
 * {@code top_window.jsonl} and {@code element.jsonl}, SWE-agent's {@code args.yaml}, and the files of its folder whose
 * names start with its stem (ATIF's continuations and sub-trajectories, {@code NAME.args.yaml}). With any, the file
 * goes up as a zip of itself and them ({@code POST /imports} with {@code application/zip}).
 */
final class CompanionFiles {

    private static final Set<String> BESIDE = Set.of("metadata.json", "task_name.json", "top_window.jsonl",
            "element.jsonl", "args.yaml");

    private CompanionFiles() {
    }

    /** The companions of {@code file}, as paths relative to its folder. */
    static List<Path> of(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            return List.of();
        }
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        List<Path> companions = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(folder)) {
            for (Path sibling : siblings.filter(Files::isRegularFile).sorted().toList()) {
                String other = sibling.getFileName().toString();
                if (!other.equals(name) && (BESIDE.contains(other) || other.startsWith(stem + "."))) {
                    companions.add(folder.relativize(sibling));
                }
            }
        }
        Path subagents = folder.resolve(name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : stem)
                .resolve("subagents");
        if (Files.isDirectory(subagents)) {
            try (Stream<Path> children = Files.list(subagents)) {
                children.filter(p -> p.toString().endsWith(".jsonl")).sorted()
                        .forEach(child -> companions.add(folder.relativize(child)));
            }
        }
        return companions;
    }

    /** The file and its companions as one zip, each under its path relative to the file's folder. */
    static byte[] zip(Path file, List<Path> companions) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
            zip.write(Files.readAllBytes(file));
            zip.closeEntry();
            for (Path companion : companions) {
                zip.putNextEntry(new ZipEntry(companion.toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(folder.resolve(companion)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
