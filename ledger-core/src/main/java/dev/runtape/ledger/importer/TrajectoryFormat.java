package dev.runtape.ledger.importer;

/** One file format of trajectories that Runtape imports. */
public interface TrajectoryFormat {

    /** The name {@code --format} takes and the trajectory records as its source format, e.g. "swe-agent-traj". */
    String name();

    /**
     * How sure this format is that the file is one of its own, from 0 (not at all) to 1 (certain). Reads the file name
     * and the beginning of the bytes only, and never throws: a file it cannot make sense of is 0.
     */
    double detect(SourceFile source);

    /**
     * Whether the format's files are text: then a file must be UTF-8 with lines under the limit before it is read
     * ({@link SourceFileCheck}). A binary format (a COSE_Sign1) checks its own bytes.
     */
    default boolean text() {
        return true;
    }

    /**
     * Reads the whole file.
     *
     * @throws ImportException naming where the file departs from the format, what was expected and what was found
     */
    ImportedTrajectory read(SourceFile source) throws ImportException;
}
