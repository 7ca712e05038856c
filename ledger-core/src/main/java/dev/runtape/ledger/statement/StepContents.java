package dev.runtape.ledger.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns a step as a producer writes it, with its contents in the clear, into the step a statement carries: every
 * redactable member (steps.cddl: a {@code content-ref}) becomes a salted disclosure in the content store and only its
 * reference stays in the step. A member may also already be a reference, {@code {"digest": HEX, ...}}, to a
 * disclosure the producer made itself. The step's other members are left as they are; the schema checks them on
 * append.
 */
public final class StepContents {

    /** The members of each step kind that steps.cddl types as {@code content-ref}. */
    private static final Map<String, List<String>> CONTENT_MEMBERS = Map.ofEntries(
            Map.entry("message", List.of("content")),
            Map.entry("reasoning", List.of("content")),
            Map.entry("tool-call", List.of("arguments")),
            Map.entry("tool-result", List.of("output")),
            Map.entry("system-event", List.of("data")),
            Map.entry("command", List.of("command", "stdout", "stderr")),
            Map.entry("file-read", List.of("content")),
            Map.entry("file-edit", List.of("diff")),
            Map.entry("test-run", List.of("command", "output")),
            Map.entry("ui-input", List.of("text")));
    /** Members that reference an artifact ({@code artifact-ref}): never disclosed here, but digests given in hex. */
    private static final Map<String, List<String>> ARTIFACT_MEMBERS = Map.of(
            "browser-action", List.of("screenshot"));

    private final Disclosures disclosures;

    /** The members of a step kind that hold a content-ref (steps.cddl), in their order: what holds text. */
    public static List<String> contentMembers(String kind) {
        return CONTENT_MEMBERS.getOrDefault(kind, List.of());
    }

    public StepContents(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    /**
     * The step with its contents disclosed.
     *
     * @throws IllegalArgumentException naming the member, when a content member is neither text nor a reference, or a
     *     reference's digest is not 32 bytes of hex
     * @throws ContentStoreException if a disclosure could not be stored
     */
    public Step disclose(ObjectNode open) throws ContentStoreException {
        Disclosures.Batch batch = disclosures.batch();
        Step step = disclose(open, batch);
        batch.store();
        return step;
    }

    /**
     * The steps with their contents disclosed, stored together: one durable write for all of a batch's contents where
     * the content store can.
     *
     * @throws IllegalArgumentException naming the step and member, as {@link #disclose(ObjectNode)}; nothing is stored
     * @throws ContentStoreException if the disclosures could not be stored
     */
    public List<Step> discloseAll(List<ObjectNode> open) throws ContentStoreException {
        Disclosures.Batch batch = disclosures.batch();
        List<Step> steps = new ArrayList<>(open.size());
        for (int i = 0; i < open.size(); i++) {
            try {
                steps.add(disclose(open.get(i), batch));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("steps[" + i + "]." + e.getMessage(), e);
            }
        }
        batch.store();
        return steps;
    }

    /**
     * The inverse of {@link #disclose(ObjectNode)}: the stored step with its contents in the clear. A content the
     * store no longer holds (redacted, erased) stays a reference, its digest in hex, so the step says what it withheld.
     *
     * @throws ContentStoreException if the store cannot be read
     * @throws FormatException if a stored disclosure is malformed or not text
     */
    public ObjectNode open(Step stored) throws ContentStoreException, FormatException {
        return openAll(List.of(stored)).getFirst();
    }

    /**
     * The steps with their contents in the clear, as {@link #open(Step)} gives each, with one read of the store for
     * all of their contents: a batch of steps carries many.
     *
     * @return the opened steps, in the order of {@code stored}
     */
    public List<ObjectNode> openAll(List<Step> stored) throws ContentStoreException, FormatException {
        List<ObjectNode> steps = new ArrayList<>(stored.size());
        for (Step one : stored) {
            steps.add(one.members()); // a copy already: it is ours to change
        }
        openInPlace(steps);
        return steps;
    }

    /**
     * The steps a {@code StepsRecorded} payload carries, as stored (contents still references), as new nodes the
     * caller owns: what {@code PayloadCodec.decode(payload, StepsRecorded.class)} holds, without making the event
     * record and its copies of every step on the way (a replay reads every step of the log). Give them to
     * {@link #openInPlace} for their contents.
     *
     * @throws FormatException if the payload holds no array of steps, or a step is not a map with an index
     */
    public static List<ObjectNode> recorded(CborMap payload) throws FormatException {
        if (!(payload.get("steps").orElse(null) instanceof CborArray items)) {
            throw new FormatException("payload: cannot read a StepsRecorded: expected an array of steps");
        }
        List<ObjectNode> steps = new ArrayList<>(items.size());
        for (CborValue item : items.items()) {
            if (!(JsonTrees.toJson(item) instanceof ObjectNode step) || !step.path("index").canConvertToExactIntegral()
                    || step.path("index").asLong() < 0) {
                throw new FormatException("payload: cannot read a StepsRecorded: a step needs a non-negative "
                        + "integer \"index\"");
            }
            steps.add(step);
        }
        return steps;
    }

    /**
     * Opens stored steps where they are, as {@link #openAll} does copies of them, reading all of their contents from
     * the store at once: for steps the caller owns ({@link #recorded}).
     */
    public void openInPlace(List<ObjectNode> steps) throws ContentStoreException, FormatException {
        // One pass finds every reference, so each member is looked up once: a replay opens every step of the log.
        List<Reference> references = new ArrayList<>();
        List<ContentRef> refs = new ArrayList<>();
        for (ObjectNode step : steps) {
            String kind = step.path("kind").asText("");
            for (String member : contentMembers(kind)) {
                if (step.get(member) instanceof ObjectNode reference && reference.get("digest") instanceof JsonNode d
                        && d.isBinary()) {
                    references.add(new Reference(step, member, reference));
                    refs.add(ContentRef.of(Digest.of(binary(d))));
                }
            }
            for (String member : ARTIFACT_MEMBERS.getOrDefault(kind, List.of())) {
                if (step.get(member) instanceof ObjectNode reference && reference.get("digest") instanceof JsonNode d
                        && d.isBinary()) {
                    ObjectNode copy = reference.deepCopy();
                    copy.put("digest", HexFormat.of().formatHex(binary(d)));
                    step.set(member, copy);
                }
            }
        }
        List<OpenedDisclosure> opened = refs.isEmpty() ? List.of() : disclosures.openAll(refs);
        for (int i = 0; i < references.size(); i++) {
            Reference at = references.get(i);
            reveal(at.step(), at.member(), at.reference(), refs.get(i), opened.get(i));
        }
    }

    /** A step's member that holds a content-ref, found before its content is read. */
    private record Reference(ObjectNode step, String member, ObjectNode reference) {
    }

    /** Puts the text in place of its reference, or the reference's digest in hex when the store withholds it. */
    private static void reveal(ObjectNode step, String member, ObjectNode reference, ContentRef ref,
            OpenedDisclosure opened) throws FormatException {
        if (opened instanceof OpenedDisclosure.Revealed revealed
                && revealed.disclosure().value() instanceof CborTextString text) {
            step.put(member, text.value());
        } else if (opened instanceof OpenedDisclosure.Revealed) {
            throw new FormatException("the disclosure of " + member + " " + ref.digest().hex() + " is not text");
        } else {
            ObjectNode withheld = reference.deepCopy();
            withheld.put("digest", ref.digest().hex());
            step.set(member, withheld);
        }
    }

    private static byte[] binary(JsonNode digest) throws FormatException {
        try {
            return digest.binaryValue();
        } catch (java.io.IOException e) {
            throw new FormatException("a reference's digest is not bytes: " + e.getMessage());
        }
    }

    private Step disclose(ObjectNode open, Disclosures.Batch batch) {
        ObjectNode step = open.deepCopy();
        String kind = step.path("kind").asText("");
        for (String member : CONTENT_MEMBERS.getOrDefault(kind, List.of())) {
            JsonNode value = step.get(member);
            if (value == null) {
                continue;
            }
            if (value.isTextual()) {
                step.set(member, reference(batch.discloseText(value.textValue())));
            } else if (value.isObject()) {
                step.set(member, withBinaryDigest(member, (ObjectNode) value));
            } else {
                throw new IllegalArgumentException(member + ": expected text or a content reference "
                        + "{\"digest\": HEX}, found " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (String member : ARTIFACT_MEMBERS.getOrDefault(kind, List.of())) {
            if (step.get(member) instanceof ObjectNode reference) {
                step.set(member, withBinaryDigest(member, reference));
            }
        }
        return Step.of(step);
    }

    private static ObjectNode reference(ContentRef ref) {
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.set("digest", BinaryNode.valueOf(ref.digest().bytes()));
        if (ref.mediaType() != null) {
            node.put("media-type", ref.mediaType());
        }
        if (ref.size() != null) {
            node.put("size", ref.size());
        }
        return node;
    }

    private static ObjectNode withBinaryDigest(String member, ObjectNode reference) {
        JsonNode digest = reference.get("digest");
        if (digest == null || digest.isBinary()) {
            return reference;
        }
        if (!digest.isTextual()) {
            throw new IllegalArgumentException(member + ".digest: expected the SHA-256 digest in hex");
        }
        try {
            ObjectNode copy = reference.deepCopy();
            copy.set("digest", BinaryNode.valueOf(Digest.ofHex(digest.textValue()).bytes()));
            return copy;
        } catch (FormatException e) {
            throw new IllegalArgumentException(member + ".digest: " + e.getMessage(), e);
        }
    }
}
