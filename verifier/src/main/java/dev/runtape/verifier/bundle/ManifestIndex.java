package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a manifest lists, compactly: every statement digest numbered in manifest order (each trajectory's statements
 * consecutive, in log order), every disclosure with whether it is included or why it is withheld, and every
 * artifact. Built once by {@link ManifestReader}; read-only afterwards.
 */
public final class ManifestIndex {

    /** One trajectory of the manifest: its statements are numbers {@code first} to {@code first + count - 1}. */
    public record Trajectory(String id, Optional<String> split, int first, int count) {
    }

    /** How a listed disclosure or artifact comes: included, or withheld for one of the manifest's reasons. */
    public enum Status {
        INCLUDED, REDACTED, ERASED, POLICY;

        /** The manifest's word for a withheld one: "redacted", "erased" or "policy". */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code Status.values()} once: each call makes a new array. */
    private static final Status[] STATUSES = Status.values();

    private final List<Trajectory> trajectories = new ArrayList<>();
    /** Each trajectory's first statement number, in order: searched for every statement, so kept in one array. */
    private int[] firsts = new int[64];
    private final DigestTable statements = new DigestTable();
    private final DigestTable disclosures = new DigestTable();
    private byte[] disclosureStatus = new byte[64];
    private final Map<Integer, String> withheldReasons = new HashMap<>();
    private final DigestTable artifacts = new DigestTable();
    private final BitSet artifactsIncluded = new BitSet();

    ManifestIndex() {
    }

    public List<Trajectory> trajectories() {
        return List.copyOf(trajectories);
    }

    public int statementCount() {
        return statements.size();
    }

    public int disclosureCount() {
        return disclosures.size();
    }

    public int artifactCount() {
        return artifacts.size();
    }

    /** The number of a listed statement, or -1. */
    int statement(Digest digest) {
        return statements.find(digest);
    }

    /** {@link #statement}, trying number {@code guess} first ({@link DigestTable#find(Digest, int)}). */
    int statement(Digest digest, int guess) {
        return statements.find(digest, guess);
    }

    Digest statementDigest(int number) {
        return statements.get(number);
    }

    /** The number of the trajectory listing statement {@code number}. */
    int trajectoryOf(int number) {
        int low = 0;
        int high = trajectories.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (firsts[middle] <= number) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    Trajectory trajectory(int number) {
        return trajectories.get(number);
    }

    int disclosure(Digest digest) {
        return disclosures.find(digest);
    }

    /** {@link #disclosure}, trying number {@code guess} first ({@link DigestTable#find(Digest, int)}). */
    int disclosure(Digest digest, int guess) {
        return disclosures.find(digest, guess);
    }

    Digest disclosureDigest(int number) {
        return disclosures.get(number);
    }

    Status disclosureStatus(int number) {
        return STATUSES[disclosureStatus[number]];
    }

    Optional<String> withheldReason(int number) {
        return Optional.ofNullable(withheldReasons.get(number));
    }

    int artifact(Digest digest) {
        return artifacts.find(digest);
    }

    /** {@link #artifact}, trying number {@code guess} first. */
    int artifact(Digest digest, int guess) {
        return artifacts.find(digest, guess);
    }

    Digest artifactDigest(int number) {
        return artifacts.get(number);
    }

    boolean artifactIncluded(int number) {
        return artifactsIncluded.get(number);
    }

    // Building, by ManifestReader. Each add returns false when the digest was listed before.

    /**
     * The most elements a list's count makes room for before they are read: a count is the manifest's word only
     * (it may claim more than the bundle holds), so what it reserves is bounded, 16 MiB of slots a table.
     */
    static final int EXPECTED_AT_MOST = 1 << 20;

    /** The trajectories the manifest's list counts, whose first one's statements size the statements' table. */
    private long trajectoriesExpected;

    /** Makes room for the elements of a manifest list of {@code count} elements ({@link #EXPECTED_AT_MOST}). */
    void expect(String list, long count) {
        int bounded = (int) Math.min(Math.max(count, 0), EXPECTED_AT_MOST);
        switch (list) {
            case "disclosures" -> {
                disclosures.expect(bounded);
                disclosureStatus = java.util.Arrays.copyOf(disclosureStatus,
                        Math.max(disclosureStatus.length, disclosures.size() + bounded));
            }
            case "artifacts" -> artifacts.expect(bounded);
            case "trajectories" -> trajectoriesExpected = bounded;
            default -> throw new IllegalArgumentException("not a list of the manifest: " + list);
        }
    }

    void addTrajectory(String id, Optional<String> split, List<Digest> digests, List<String> duplicates) {
        if (trajectories.isEmpty()) {
            // As many statements a trajectory as the first lists: room for most manifests' statements at once.
            statements.expect((int) Math.min(trajectoriesExpected * digests.size(), EXPECTED_AT_MOST));
            firsts = java.util.Arrays.copyOf(firsts, (int) Math.max(firsts.length, trajectoriesExpected));
        }
        int first = statements.size();
        int count = 0;
        for (Digest digest : digests) {
            if (statements.add(digest) < 0) {
                duplicates.add("statement " + digest + " is listed twice");
            } else {
                count++;
            }
        }
        if (trajectories.size() == firsts.length) {
            firsts = java.util.Arrays.copyOf(firsts, firsts.length * 2);
        }
        firsts[trajectories.size()] = first;
        trajectories.add(new Trajectory(id, split, first, count));
    }

    boolean addDisclosure(Digest digest, Status status, Optional<String> reason) {
        int number = disclosures.add(digest);
        if (number < 0) {
            return false;
        }
        if (number == disclosureStatus.length) {
            disclosureStatus = java.util.Arrays.copyOf(disclosureStatus, number * 2);
        }
        disclosureStatus[number] = (byte) status.ordinal();
        reason.ifPresent(r -> withheldReasons.put(number, r));
        return true;
    }

    boolean addArtifact(Digest digest, boolean included) {
        int number = artifacts.add(digest);
        if (number < 0) {
            return false;
        }
        artifactsIncluded.set(number, included);
        return true;
    }
}
