package dev.runtape.ledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the machine did during one measurement besides the benchmark, so that a figure can be read against the load it
 * was measured under: processor time in cores (this benchmark's JVM, the benchmark's PostgreSQL server, everything
 * else) and disk writes in MiB/s (the whole machine's, and the benchmark's own: this JVM's and the server's). Read
 * from Linux's {@code /proc}; elsewhere every figure is NaN.
 */
record MachineUse(double benchmarkCores, double postgresCores, double otherCores, double diskWrites,
        double benchmarkDiskWrites) {

    /** Linux's clock ticks per second for {@code /proc} times (USER_HZ), 100 on every common build. */
    private static final double TICKS_PER_SECOND = 100;
    private static final double MIB = 1024 * 1024;
    /** Whole disks, not their partitions: sector counts of a partition are counted in its disk's as well. */
    private static final Pattern DISK = Pattern.compile("(?:[hsv]d|xvd)[a-z]+|nvme\\d+n\\d+");

    static final MachineUse UNKNOWN = new MachineUse(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Everything else: processor time, and disk writes that are neither this JVM's nor the server's. */
    double otherDiskWrites() {
        return Math.max(0, diskWrites - benchmarkDiskWrites);
    }

    /** Readings at one moment; {@link #until} turns two of them into a {@link MachineUse}. */
    record Reading(long nanos, long busyTicks, long jvmCpuNanos, long serverTicks, long diskBytes,
            long benchmarkBytes) {

        static Reading now(OptionalLong postmaster) {
            long jvm = ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
            long serverTicks = 0;
            long serverBytes = 0;
            if (postmaster.isPresent()) {
                for (long pid : serverProcesses(postmaster.getAsLong())) {
                    List<String> stat = stat(pid);
                    // The postmaster's own times include its exited children's (cutime, cstime).
                    serverTicks += stat.isEmpty() ? 0
                            : pid == postmaster.getAsLong() ? sum(stat, 11, 12, 13, 14) : sum(stat, 11, 12);
                    serverBytes += writtenBytes(pid);
                }
            }
            return new Reading(System.nanoTime(), machineBusyTicks(), jvm, serverTicks, machineDiskBytes(),
                    writtenBytes(ProcessHandle.current().pid()) + serverBytes);
        }

        MachineUse until(Reading end) {
            double seconds = (end.nanos - nanos) / 1e9;
            if (busyTicks < 0 || end.busyTicks < 0 || jvmCpuNanos < 0 || seconds <= 0) {
                return UNKNOWN;
            }
            double machine = (end.busyTicks - busyTicks) / TICKS_PER_SECOND / seconds;
            double benchmark = (end.jvmCpuNanos - jvmCpuNanos) / 1e9 / seconds;
            double postgres = (end.serverTicks - serverTicks) / TICKS_PER_SECOND / seconds;
            boolean disks = diskBytes >= 0 && end.diskBytes >= 0;
            return new MachineUse(benchmark, postgres, Math.max(0, machine - benchmark - postgres),
                    disks ? (end.diskBytes - diskBytes) / MIB / seconds : Double.NaN,
                    disks ? (end.benchmarkBytes - benchmarkBytes) / MIB / seconds : Double.NaN);
        }
    }

    /** Busy ticks of all processors (user, nice, system, irq, softirq, steal), or -1 when unreadable. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[field]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Bytes written to the machine's disks since boot ({@code /proc/diskstats}, 512-byte sectors), or -1. */
    private static long machineDiskBytes() {
        try {
            long sectors = 0;
            for (String line : Files.readAllLines(Path.of("/proc/diskstats"))) {
                String[] fields = line.trim().split("\\s+");
                if (DISK.matcher(fields[2]).matches()) {
                    sectors += Long.parseLong(fields[9]);
                }
            }
            return sectors * 512;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The bytes a process caused to be written to storage ({@code write_bytes} of {@code /proc/<pid>/io}), or 0. */
    private static long writtenBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: counted as nothing
        }
        return 0;
    }

    /** The postmaster and its live children (backends, writer, checkpointer). */
    private static List<Long> serverProcesses(long postmaster) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return Stream.concat(Stream.of(postmaster), processes
                    .map(process -> process.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> {
                        List<String> stat = stat(pid);
                        return !stat.isEmpty() && stat.get(1).equals(Long.toString(postmaster));
                    })).toList();
        } catch (IOException e) {
            return List.of(postmaster);
        }
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (state, ppid, ...), or empty. */
    private static List<String> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static long sum(List<String> fields, int... indexes) {
        long sum = 0;
        for (int index : indexes) {
            sum += Long.parseLong(fields.get(index));
        }
        return sum;
    }
}
