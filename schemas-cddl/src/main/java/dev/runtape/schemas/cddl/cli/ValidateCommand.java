package dev.runtape.schemas.cddl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.JsonInstances;
import dev.runtape.schemas.cddl.Schema;
import dev.runtape.schemas.cddl.SchemaException;
import dev.runtape.schemas.cddl.ValidationResult;
import dev.runtape.schemas.cddl.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runtape-cddl validate SCHEMA RULE FILE...}: validates JSON or CBOR files, told apart by content. A file
 * whose first non-blank byte opens a JSON object, array or string and that parses as JSON is JSON; anything else
 * is read as CBOR.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates JSON or CBOR files (told apart by content) against a rule of a CDDL schema and "
                + "prints each failure with its path.")
final class ValidateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCHEMA", description = "the CDDL file")
    private Path schemaFile;

    @Parameters(index = "1", paramLabel = "RULE", description = "the rule instances must match")
    private String rule;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "FILE", description = "JSON or CBOR instances")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Validator validator;
        try {
            Schema schema = SchemaFiles.compile(List.of(schemaFile));
            validator = schema.validator(rule);
        } catch (SchemaFiles.Unreadable | IllegalArgumentException e) {
            err.println("runtape-cddl: " + e.getMessage());
            return RuntapeCddl.USAGE_OR_SCHEMA;
        } catch (SchemaException e) {
            e.problems().forEach(err::println);
            return RuntapeCddl.USAGE_OR_SCHEMA;
        }
        int status = RuntapeCddl.VALID;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("runtape-cddl: cannot read " + file + ": " + e.getMessage());
                return RuntapeCddl.USAGE_OR_SCHEMA;
            }
            ValidationResult result;
            try {
                result = validator.validate(instance(bytes));
            } catch (CborException e) {
                out.println(file + ": invalid: neither JSON nor CBOR: " + e.getMessage());
                status = RuntapeCddl.INVALID;
                continue;
            }
            if (result.isValid()) {
                out.println(file + ": valid");
            } else {
                status = RuntapeCddl.INVALID;
                out.println(file + ": invalid");
                for (Failure failure : result.failures()) {
                    out.println("  " + failure);
                }
            }
        }
        return status;
    }

    /** The instance in {@code bytes}: JSON if it starts like JSON and parses as it, else CBOR. */
    static CborValue instance(byte[] bytes) throws CborException {
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (!start.isEmpty() && "{[\"".indexOf(start.charAt(0)) >= 0) {
            try {
                return JsonInstances.toCbor(JSON.readTree(bytes));
            } catch (JsonProcessingException e) {
                // not JSON after all: CBOR may start with these bytes too (0x7b, 0x5b and 0x22 are text heads)
            } catch (IOException e) {
                throw new CborException("cannot read: " + e.getMessage(), e);
            }
        }
        return CborDecoder.decode(bytes, CborProfile.WELL_FORMED);
    }
}
