package dev.runtape.schemas;

import dev.runtape.schemas.cddl.Schema;
import dev.runtape.schemas.cddl.SchemaException;
import dev.runtape.schemas.cddl.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runtape's wire formats: the CDDL files under {@code dev/runtape/schemas/}, compiled once into one schema.
 * Validators are made once per rule and shared.
 */
public final class RuntapeSchemas {

    /** The schema files, in the order they are read. */
    public static final List<String> FILES = List.of("common.cddl", "statement.cddl", "events.cddl", "steps.cddl",
            "checkpoint.cddl", "receipt.cddl", "keys.cddl", "bundle.cddl");

    /** A signed statement (COSE_Sign1, tag 18) with its header parameters. */
    public static final String STATEMENT = "statement";
    /** A signed checkpoint. */
    public static final String SIGNED_CHECKPOINT = "signed-checkpoint";
    /** A checkpoint payload. */
    public static final String CHECKPOINT = "checkpoint";
    /** A receipt the ledger issues. */
    public static final String RECEIPT = "runtape-receipt";
    /** A key set with validity times. */
    public static final String KEY_SET = "runtape-key-set";
    /** The manifest of an export bundle. */
    public static final String BUNDLE_MANIFEST = "bundle-manifest";
    /** One trajectory of a bundle manifest. */
    public static final String BUNDLE_TRAJECTORY = "bundle-trajectory";
    /** One disclosure of a bundle manifest. */
    public static final String BUNDLE_DISCLOSURE = "bundle-disclosure";
    /** One artifact of a bundle manifest. */
    public static final String BUNDLE_ARTIFACT = "bundle-artifact";
    /** An entry of a bundle file after its manifest: a statement, a disclosure or an artifact. */
    public static final String BUNDLE_ENTRY = "bundle-entry";
    /** One step of a trajectory. */
    public static final String STEP = "step";

    /** The event types of the catalogue; each is also the name of the rule its payload follows. */
    public static final List<String> EVENT_TYPES = List.of(
            "TaskDefined", "OperatorEnrolled", "OperatorQualified",
            "TrajectoryStarted", "StepsRecorded", "ArtifactAttached", "TrajectoryCompleted",
            "QaCheckRecorded", "QaReviewed", "LabelApplied", "LabelRetracted",
            "RedactionApplied", "PolicySet", "SplitAssigned",
            "DatasetDefined", "TrajectoryAdmitted", "ExportSealed", "ExportDelivered");

    private static final Schema SCHEMA = compile();
    private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

    private RuntapeSchemas() {
    }

    public static Schema schema() {
        return SCHEMA;
    }

    /**
     * The validator of {@code rule}, compiled once.
     *
     * @throws IllegalArgumentException if Runtape's schemas have no such type rule
     */
    public static Validator validator(String rule) {
        return VALIDATORS.computeIfAbsent(rule, SCHEMA::validator);
    }

    /** The sources by file name, as shipped in the jar. */
    public static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = RuntapeSchemas.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + file + " is missing from the jar");
                }
                sources.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static Schema compile() {
        try {
            return Schema.compile(sources());
        } catch (SchemaException e) {
            throw new IllegalStateException("Runtape's own schemas do not compile:\n" + e.getMessage(), e);
        }
    }
}
