package dev.runtape.ledger.bench;

/**
 * One measured configuration: which engine, on which store, at which batch size, with how many writers; its rate, and
 * what the machine did meanwhile.
 */
record BenchResult(String engine, String store, int batch, int writers, long events, double seconds,
        MachineUse machine) {

    double eventsPerSecond() {
        return events / seconds;
    }
}
