package dev.runtape.ledger.domain;

import dev.runtape.ledger.log.StreamId;

/**
 * The stream of each aggregate, which is also its Axon aggregate identifier: {@code kind/id}. Using the stream id as
 * the identifier keeps ids of different kinds apart (a task and a trajectory may both be called "42") and lets the
 * event storage map an aggregate to its stream without knowing its type.
 */
public final class Streams {

    private Streams() {
    }

    public static String task(String taskId) {
        return StreamId.of(StreamId.Kind.TASK, taskId).value();
    }

    public static String operator(String operatorId) {
        return StreamId.of(StreamId.Kind.OPERATOR, operatorId).value();
    }

    public static String trajectory(String trajectoryId) {
        return StreamId.of(StreamId.Kind.TRAJECTORY, trajectoryId).value();
    }

    public static String dataset(String datasetId) {
        return StreamId.of(StreamId.Kind.DATASET, datasetId).value();
    }
}
