package dev.runtape.scratch;

import dev.runtape.ledger.importer.*;
import java.nio.file.*;
import java.util.stream.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void list() throws Exception {
        Path root = Path.of("../../shared/samples").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString();
                try {
                    SourceFile s = SourceFile.read(p);
                    TrajectoryFormat f = ImportFormats.detector().choose(s, null);
                    ImportedTrajectory t = f.read(s);
                    ImportSummary sum = ImportSummary.of(rel, t, new ImportResult(t.trajectoryId(), t.taskId(), 0, 0, java.util.List.of()));
                    System.out.println("OK " + rel + " " + sum + " children=" + t.children().size());
                } catch (Exception e) {
                    System.out.println("FAIL " + rel + " " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
    }
}
