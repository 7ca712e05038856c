package dev.runtape.schemas.cddl.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every CDDL file in shared/vectors/cddl (the agent conversation draft, SCITT, COSE Receipts) parses. */
class SharedCddlFilesParseTest {

    static Stream<Path> files() throws IOException {
        Path dir = Path.of(System.getProperty("runtape.shared.dir"), "vectors", "cddl");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".cddl")).sorted().toList();
        }
        assertThat(files).hasSize(7);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void eachFileParses(Path file) throws Exception {
        List<Rule> rules = CddlParser.parse(Files.readString(file));

        assertThat(rules).isNotEmpty();
    }
}
