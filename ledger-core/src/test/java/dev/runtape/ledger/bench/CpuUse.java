package dev.runtape.ledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where the machine's processor time went during one measurement, in cores: this benchmark's JVM, the benchmark's
 * PostgreSQL server (its postmaster and backends), and everything else, which is other people's work on a shared
 * machine. Read from Linux's {@code /proc}; elsewhere every figure is NaN.
 */
record CpuUse(double benchmark, double postgres, double others) {

    /** Linux's clock ticks per second for {@code /proc} times (USER_HZ), 100 on every common build. */
    private static final double TICKS_PER_SECOND = 100;

    static final CpuUse UNKNOWN = new CpuUse(Double.NaN, Double.NaN, Double.NaN);

    /** Readings at one moment; {@link #until} turns two of them into a {@link CpuUse}. */
    record Reading(long nanos, long machineBusyTicks, long jvmCpuNanos, long postgresTicks) {

        static Reading now(OptionalLong postmaster) {
            long jvm = ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
            return new Reading(System.nanoTime(), busyTicks(), jvm,
                    postmaster.isPresent() ? serverTicks(postmaster.getAsLong()) : 0);
        }

        CpuUse until(Reading end) {
            double seconds = (end.nanos - nanos) / 1e9;
            if (machineBusyTicks < 0 || end.machineBusyTicks < 0 || jvmCpuNanos < 0 || seconds <= 0) {
                return UNKNOWN;
            }
            double machine = (end.machineBusyTicks - machineBusyTicks) / TICKS_PER_SECOND / seconds;
            double benchmark = (end.jvmCpuNanos - jvmCpuNanos) / 1e9 / seconds;
            double postgres = (end.postgresTicks - postgresTicks) / TICKS_PER_SECOND / seconds;
            return new CpuUse(benchmark, postgres, Math.max(0, machine - benchmark - postgres));
        }
    }

    /** Busy ticks of all processors (user, nice, system, irq, softirq, steal), or -1 when unreadable. */
    private static long busyTicks() {
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

    /** The postmaster's own time, its exited children's, and its live backends'. */
    private static long serverTicks(long postmaster) {
        List<String> postmasterStat = stat(postmaster);
        long ticks = postmasterStat.isEmpty() ? 0 : sum(postmasterStat, 11, 12, 13, 14);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                List<String> stat = stat(Long.parseLong(name));
                if (!stat.isEmpty() && stat.get(1).equals(Long.toString(postmaster))) {
                    ticks += sum(stat, 11, 12);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
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
