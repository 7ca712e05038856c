package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Holds the bundle against its manifest, entry by entry: each statement must be listed, once, in its trajectory's
 * order; each digest a payload refers to must be listed as a disclosure or an artifact; each disclosure or artifact
 * held must be listed as included. {@link #finish} then reports what is listed but was never held or referred to,
 * and what is withheld. Not thread-safe: the reading thread alone uses it ({@link #lookUp} excepted).
 */
final class ManifestListing {

    private final ManifestIndex index;
    private final Findings findings;
    private final Findings.Passes passes = new Findings.Passes();
    private final BitSet statementsSeen = new BitSet();
    private final int[] nextInTrajectory;
    private final BitSet disclosuresReferred = new BitSet();
    private final BitSet disclosuresHeld = new BitSet();
    private final BitSet artifactsReferred = new BitSet();
    private final BitSet artifactsHeld = new BitSet();
    /** Reasons of RedactionApplied statements, by the digests they name: few, so a plain map. */
    private final Map<Digest, String> redactionReasons = new HashMap<>();

    ManifestListing(ManifestIndex index, Findings findings) {
        this.index = index;
        this.findings = findings;
        this.nextInTrajectory = index.trajectories().stream().mapToInt(ManifestIndex.Trajectory::first).toArray();
    }

    /**
     * Where the contents a statement's payload refers to are listed: numbers in the manifest's index, found by the
     * workers ({@link #lookUp}), since the index is read-only by then. (The statement itself is looked up in bundle
     * order, {@link #find}, where the last statement of its stream tells where it likely is.)
     *
     * @param disclosures the numbers of the listed disclosures it refers to
     * @param artifacts the numbers of the listed artifacts it refers to
     * @param unlisted the contents it refers to that the manifest lists neither as a disclosure nor as an artifact
     */
    record Listed(int[] disclosures, int[] artifacts, List<Digest> unlisted) {
    }

    /**
     * Where a batch's next disclosure and artifact are likeliest listed: after the last ones found, since the
     * manifest lists contents in the order the bundle's statements first refer to them, and the bundle holds them in
     * that order too. Only a guess, tried first; one for the references of a batch, one for the contents it holds.
     * (A statement's guess is its stream's: {@link #find}.)
     */
    static final class Guesses {
        private int disclosure;
        private int artifact;

        /** {@link ManifestIndex#disclosure} of a disclosure the bundle holds. */
        int disclosureHeld(ManifestIndex index, Digest digest) {
            int number = index.disclosure(digest, disclosure);
            disclosure = number + 1;
            return number;
        }

        /** {@link ManifestIndex#artifact} of an artifact the bundle holds. */
        int artifactHeld(ManifestIndex index, Digest digest) {
            int number = index.artifact(digest, artifact);
            artifact = number + 1;
            return number;
        }
    }

    /**
     * Looks up in {@code index} what {@code statement} refers to, trying {@code guesses} first. Thread-safe: the
     * index is not changed.
     */
    static Listed lookUp(ManifestIndex index, StatementFacts statement, Guesses guesses) {
        List<Digest> referred = statement.references();
        int[] disclosures = new int[referred.size()];
        int[] artifacts = new int[referred.size()];
        int d = 0;
        int a = 0;
        List<Digest> unlisted = new ArrayList<>(0);
        for (Digest digest : referred) {
            int disclosure = index.disclosure(digest, guesses.disclosure);
            int artifact = disclosure >= 0 ? -1 : index.artifact(digest, guesses.artifact);
            if (disclosure >= 0) {
                disclosures[d++] = disclosure;
                guesses.disclosure = disclosure + 1;
            } else if (artifact >= 0) {
                artifacts[a++] = artifact;
                guesses.artifact = artifact + 1;
            } else {
                unlisted.add(digest);
            }
        }
        return new Listed(Arrays.copyOf(disclosures, d), Arrays.copyOf(artifacts, a), unlisted);
    }

    /**
     * The number the manifest lists a statement under, or -1, trying {@code guess} first: the number after the last
     * statement of its stream, since the manifest lists a trajectory's statements in log order. (In a log where
     * trajectories interleave, the statement before it in the bundle is a poor guess.)
     */
    int find(Digest statement, int guess) {
        return index.statement(statement, guess);
    }

    /**
     * Holds one statement against the manifest, and the contents its payload refers to, as {@link #lookUp} found.
     *
     * @param number where the manifest lists it ({@link #find}), or -1
     * @param redaction the payload of a RedactionApplied statement, whose reasons the withheld contents are given
     */
    void statement(Supplier<String> named, int number, Listed listed, Optional<CborMap> redaction) {
        if (number < 0) {
            findings.failed(Check.MANIFEST, named.get(), "not listed in the manifest");
        } else if (statementsSeen.get(number)) {
            findings.failed(Check.MANIFEST, named.get(), "appears twice in the bundle");
        } else {
            statementsSeen.set(number);
            int t = index.trajectoryOf(number);
            ManifestIndex.Trajectory trajectory = index.trajectory(t);
            if (number == nextInTrajectory[t]) {
                nextInTrajectory[t]++;
                passes.passed(Check.MANIFEST);
            } else if (number > nextInTrajectory[t]) {
                findings.failed(Check.MANIFEST, named.get(), "listed as statement " + (number - trajectory.first())
                        + " of trajectory " + trajectory.id() + ", but its statement "
                        + (nextInTrajectory[t] - trajectory.first()) + " did not come before it");
                nextInTrajectory[t] = number + 1;
            } else {
                findings.failed(Check.MANIFEST, named.get(), "listed as statement " + (number - trajectory.first())
                        + " of trajectory " + trajectory.id() + ", but comes after statements listed later");
            }
        }
        for (int disclosure : listed.disclosures()) {
            disclosuresReferred.set(disclosure);
        }
        for (int artifact : listed.artifacts()) {
            artifactsReferred.set(artifact);
        }
        for (Digest digest : listed.unlisted()) {
            findings.failed(Check.MANIFEST, named.get(), "refers to content " + digest
                    + ", which the manifest lists neither as a disclosure nor as an artifact");
        }
        redaction.ifPresent(this::noteRedaction);
    }

    /**
     * Holds an included disclosure against the manifest; its bytes are checked by the caller.
     *
     * @param number {@link ManifestIndex#disclosure} of its digest, looked up by a worker
     */
    void disclosure(Digest digest, int number) {
        if (number < 0) {
            findings.failed(Check.MANIFEST, "disclosure " + digest, "in the bundle, but not listed in the manifest");
        } else if (disclosuresHeld.get(number)) {
            findings.failed(Check.MANIFEST, "disclosure " + digest, "appears twice in the bundle");
        } else if (index.disclosureStatus(number) != ManifestIndex.Status.INCLUDED) {
            findings.failed(Check.MANIFEST, "disclosure " + digest, "listed as withheld (" + index.disclosureStatus(number).word()
                    + "), but the bundle holds it");
            disclosuresHeld.set(number);
        } else {
            disclosuresHeld.set(number);
            passes.passed(Check.MANIFEST);
        }
    }

    /** Holds an included artifact against the manifest, as {@link #disclosure} a disclosure. */
    void artifact(Digest digest, int number) {
        if (number < 0) {
            findings.failed(Check.MANIFEST, "artifact " + digest, "in the bundle, but not listed in the manifest");
        } else if (artifactsHeld.get(number)) {
            findings.failed(Check.MANIFEST, "artifact " + digest, "appears twice in the bundle");
        } else if (!index.artifactIncluded(number)) {
            findings.failed(Check.MANIFEST, "artifact " + digest, "listed as withheld, but the bundle holds it");
            artifactsHeld.set(number);
        } else {
            artifactsHeld.set(number);
            passes.passed(Check.MANIFEST);
        }
    }

    /** Reports what the manifest lists but the bundle lacks; returns what is withheld. */
    List<Withheld> finish() {
        findings.passed(passes);
        for (ManifestIndex.Trajectory trajectory : index.trajectories()) {
            int end = trajectory.first() + trajectory.count();
            for (int n = statementsSeen.nextClearBit(trajectory.first()); n < end;
                    n = statementsSeen.nextClearBit(n + 1)) {
                findings.failed(Check.MANIFEST, "statement " + index.statementDigest(n), "listed as statement "
                        + (n - trajectory.first()) + " of trajectory " + trajectory.id() + ", not in the bundle");
            }
        }
        List<Withheld> withheld = new ArrayList<>();
        // Most listed contents are referred to and held: their digests are copied, and named, only when not.
        for (int n = 0; n < index.disclosureCount(); n++) {
            ManifestIndex.Status status = index.disclosureStatus(n);
            boolean included = status == ManifestIndex.Status.INCLUDED;
            if (disclosuresReferred.get(n) && included && disclosuresHeld.get(n)) {
                continue;
            }
            Digest digest = index.disclosureDigest(n);
            if (!disclosuresReferred.get(n)) {
                findings.failed(Check.MANIFEST, "disclosure " + digest,
                        "listed, but no statement of the bundle refers to it");
            }
            if (included && !disclosuresHeld.get(n)) {
                findings.failed(Check.MANIFEST, "disclosure " + digest, "listed as included, not in the bundle");
            } else if (!included) {
                withheld.add(new Withheld("disclosure", digest, status.word(),
                        index.withheldReason(n).or(() -> Optional.ofNullable(redactionReasons.get(digest)))));
            }
        }
        for (int n = 0; n < index.artifactCount(); n++) {
            boolean included = index.artifactIncluded(n);
            if (artifactsReferred.get(n) && included && artifactsHeld.get(n)) {
                continue;
            }
            Digest digest = index.artifactDigest(n);
            if (!artifactsReferred.get(n)) {
                findings.failed(Check.MANIFEST, "artifact " + digest,
                        "listed, but no statement of the bundle refers to it");
            }
            if (included && !artifactsHeld.get(n)) {
                findings.failed(Check.MANIFEST, "artifact " + digest, "listed as included, not in the bundle");
            } else if (!included) {
                withheld.add(new Withheld("artifact", digest, "withheld",
                        Optional.ofNullable(redactionReasons.get(digest))));
            }
        }
        return withheld;
    }

    private void noteRedaction(CborMap payload) {
        if (payload.get("reason").orElse(null) instanceof CborTextString reason
                && payload.get("digests").orElse(null) instanceof CborArray digests) {
            for (CborValue digest : digests.items()) {
                if (digest instanceof CborByteString bytes && bytes.length() == Digest.LENGTH) {
                    try {
                        redactionReasons.put(Digest.of(bytes.bytes()), reason.value());
                    } catch (FormatException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
