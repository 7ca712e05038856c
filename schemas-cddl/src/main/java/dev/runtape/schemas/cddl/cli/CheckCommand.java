package dev.runtape.schemas.cddl.cli;

import dev.runtape.schemas.cddl.Schema;
import dev.runtape.schemas.cddl.SchemaException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runtape-cddl check SCHEMA...}: compiles schemas and reports every error with its line and column. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compiles CDDL schemas (read together as one) and reports every error with file, line and column.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCHEMA", description = "CDDL files")
    private List<Path> schemas;

    @Override
    public Integer call() {
        try {
            Schema schema = SchemaFiles.compile(schemas);
            spec.commandLine().getOut().println("ok: " + schema.ruleNames().size() + " rules; first rule "
                    + schema.firstRule());
            return RuntapeCddl.VALID;
        } catch (SchemaFiles.Unreadable e) {
            spec.commandLine().getErr().println("runtape-cddl: " + e.getMessage());
            return RuntapeCddl.USAGE_OR_SCHEMA;
        } catch (SchemaException e) {
            e.problems().forEach(problem -> spec.commandLine().getErr().println(problem));
            return RuntapeCddl.USAGE_OR_SCHEMA;
        }
    }
}
