package dev.runtape.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.cli.RuntapeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code runtape bench http} run for real, briefly: a service of its own, both paths, and figures that add up. No
 * figure is compared with a speed: CI machines differ.
 */
class BenchHttpCommandTest {

    @TempDir
    Path data;

    @Test
    void aShortRunMeasuresBothPathsAtEveryBatchAndPrintsTheirRatio() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new RuntapeCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("bench", "http", "--clients", "2", "--batch", "1,3", "--warmup", "PT0.2S", "--time",
                        "PT1S", "--data", data.toString(), "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("results")).hasSize(4);
        for (JsonNode result : report.get("results")) {
            assertThat(result.get("appends").asLong()).as(result.toString()).isPositive();
            assertThat(result.get("steps_per_second").asDouble()).isEqualTo(
                    result.get("appends_per_second").asDouble() * result.get("batch").asInt(), within());
            assertThat(result.get("p50_ms").asDouble()).isLessThanOrEqualTo(result.get("p99_ms").asDouble());
        }
        assertThat(report.get("results").findValuesAsText("path")).containsExactly("ledger", "http", "ledger",
                "http");
        assertThat(report.get("ratios").findValues("batch")).extracting(JsonNode::asInt).containsExactly(1, 3);
        assertThat(err.toString()).contains("bench: http path, batch 3, 2 clients");
    }

    @Test
    void aReportsRatioIsTheHttpRateOverTheLedgersAtTheSameBatch() {
        BenchReport report = new BenchReport(List.of(
                new LoadResult("ledger", 100, 64, 1000, 200.0, 20_000.0, 1, 2, 3),
                new LoadResult("http", 100, 64, 700, 150.0, 15_000.0, 1, 2, 3),
                new LoadResult("http", 1, 64, 700, 150.0, 150.0, 1, 2, 3)), HttpBench.TARGET);
        assertThat(report.ratio(100)).hasValue(0.75);
        assertThat(report.ratio(1)).as("no ledger figure at batch 1").isEmpty();
        StringWriter table = new StringWriter();
        report.printTable(new PrintWriter(table));
        assertThat(table.toString()).contains("http / ledger at batch 100: 0.750 (target 0.70: met)");
    }

    @Test
    void noClientsIsAUsageError() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new RuntapeCommand()).setErr(new PrintWriter(err))
                .execute("bench", "http", "--clients", "0");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("clients and batch must be at least 1");
    }

    @Test
    void aServerWithoutAnApiKeyIsAUsageError() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new RuntapeCommand()).setErr(new PrintWriter(err))
                .execute("bench", "http", "--server", "http://localhost:1");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--server needs --api-key or --api-key-file");
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-6);
    }
}
