package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The parts of a bundle, before they are written: tests change one part and write the bundle again. Statements are
 * in their bundle form (receipt attached).
 */
public record TestBundle(CborMap fields, byte[] checkpoint, Optional<byte[]> consistency, byte[] keySets,
        List<Listing> trajectories, List<CborMap> disclosureListing, List<CborMap> artifactListing,
        List<byte[]> statements, List<Content> disclosures, List<Content> artifacts) {

    /** A trajectory as the manifest lists it. */
    public record Listing(String id, Optional<String> split, List<Digest> statements) {
        public Listing {
            statements = List.copyOf(statements);
        }
    }

    /** A disclosure or artifact as the bundle holds it. */
    public record Content(Digest digest, byte[] bytes) {
    }

    public TestBundle {
        trajectories = List.copyOf(trajectories);
        disclosureListing = List.copyOf(disclosureListing);
        artifactListing = List.copyOf(artifactListing);
        statements = List.copyOf(statements);
        disclosures = List.copyOf(disclosures);
        artifacts = List.copyOf(artifacts);
    }

    public CborMap manifest() {
        CborMap.Builder map = CborMap.builder();
        fields.entries().forEach(map::put);
        map.put("checkpoint", new CborByteString(checkpoint));
        consistency.ifPresent(c -> map.put("consistency", new CborByteString(c)));
        map.put("key-sets", new CborByteString(keySets));
        List<CborValue> listed = new ArrayList<>();
        trajectories.forEach(t -> listed.add(BundleWriter.trajectory(t.id(), t.split(), t.statements())));
        map.put("trajectories", new CborArray(listed));
        map.put("disclosures", new CborArray(new ArrayList<>(disclosureListing)));
        map.put("artifacts", new CborArray(new ArrayList<>(artifactListing)));
        return map.build();
    }

    public void writeTo(OutputStream out) throws IOException {
        BundleWriter writer = new BundleWriter(out);
        writer.manifest(manifest());
        for (byte[] statement : statements) {
            writer.statement(statement);
        }
        for (Content disclosure : disclosures) {
            writer.disclosure(disclosure.digest(), disclosure.bytes());
        }
        for (Content artifact : artifacts) {
            writer.artifact(artifact.digest(), artifact.bytes());
        }
        writer.close();
    }

    public Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        }
        return file;
    }

    public byte[] bytes() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    /** The facts of statement {@code i}. */
    public StatementFacts statement(int i) {
        try {
            return StatementFacts.read(statements.get(i));
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    TestBundle withStatements(UnaryOperator<List<byte[]>> change) {
        return new TestBundle(fields, checkpoint, consistency, keySets, trajectories, disclosureListing,
                artifactListing, change.apply(new ArrayList<>(statements)), disclosures, artifacts);
    }

    TestBundle withDisclosures(UnaryOperator<List<Content>> change) {
        return new TestBundle(fields, checkpoint, consistency, keySets, trajectories, disclosureListing,
                artifactListing, statements, change.apply(new ArrayList<>(disclosures)), artifacts);
    }

    TestBundle withTrajectories(UnaryOperator<List<Listing>> change) {
        return new TestBundle(fields, checkpoint, consistency, keySets, change.apply(new ArrayList<>(trajectories)),
                disclosureListing, artifactListing, statements, disclosures, artifacts);
    }

    TestBundle withDisclosureListing(UnaryOperator<List<CborMap>> change) {
        return new TestBundle(fields, checkpoint, consistency, keySets, trajectories,
                change.apply(new ArrayList<>(disclosureListing)), artifactListing, statements, disclosures, artifacts);
    }

    TestBundle withCheckpoint(byte[] signedCheckpoint) {
        return new TestBundle(fields, signedCheckpoint, consistency, keySets, trajectories, disclosureListing,
                artifactListing, statements, disclosures, artifacts);
    }

    static CborMap fields(String exportId, long createdMillis) {
        return CborMap.builder()
                .put("format", CborTextString.of(BundleWriter.FORMAT))
                .put("export-id", CborTextString.of(exportId))
                .put("dataset", CborMap.builder().put("dataset-id", CborTextString.of("ds-fixes"))
                        .put("name", CborTextString.of("bug fixes")).put("version", CborTextString.of("3")).build())
                .put("recipient", CborTextString.of("acme-research"))
                .put("purpose", CborTextString.of("research"))
                .put("created", CborInteger.of(createdMillis))
                .build();
    }
}
