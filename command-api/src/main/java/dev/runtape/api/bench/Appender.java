package dev.runtape.api.bench;

/** One way of appending steps to a trajectory: over HTTP, or straight to the ledger. Safe for many threads. */
interface Appender {

    /** What the results call this path ({@code "http"}, {@code "ledger"}). */
    String path();

    /** Defines the task the trajectories belong to. */
    void defineTask(String taskId) throws Exception;

    /** Starts a trajectory of its own for one client. */
    void start(String taskId, String trajectoryId) throws Exception;

    /** Appends one StepsRecorded of {@code count} steps numbered from {@code firstIndex}; returns once durable. */
    void append(String trajectoryId, long firstIndex, int count) throws Exception;
}
