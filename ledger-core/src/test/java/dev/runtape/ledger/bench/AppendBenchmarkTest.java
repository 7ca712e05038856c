package dev.runtape.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.ledger.storage.postgres.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The append benchmark run for real, briefly, on SQLite: both engines measured and reported in the JSON shape.
 * No rate is compared with anything: CI machines differ.
 */
class AppendBenchmarkTest {

    @Test
    void aShortRunReportsEveryEngineOnEveryStoreAndBatchAsJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new AppendBenchmark()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--batch", "1,10", "--threads", "2", "--warmup", "PT0.1S", "--time", "PT0.5S",
                        "--jvm-warmup", "PT0S", "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.toString()).get("results");
        assertThat(results).hasSize(4);
        assertThat(results.findValuesAsText("engine")).containsExactly("runtape", "axon-jdbc", "runtape",
                "axon-jdbc");
        assertThat(results.findValuesAsText("store")).containsOnly("sqlite");
        assertThat(results.findValues("batch")).extracting(JsonNode::asInt).containsExactly(1, 1, 10, 10);
        assertThat(results.findValues("events_per_second")).allSatisfy(rate -> assertThat(rate.asDouble())
                .isPositive());
    }

    @Test
    void onANamedPostgresServerEachMeasurementHasADatabaseOfItsOwnDroppedAfterwards() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new AppendBenchmark()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--postgres-url", TestPostgres.url("postgres"), "--store", "postgres", "--batch", "10",
                        "--threads", "2", "--warmup", "PT0.1S", "--time", "PT0.5S", "--jvm-warmup", "PT0S", "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.toString()).get("results");
        assertThat(results.findValuesAsText("engine")).containsExactly("runtape", "axon-jdbc");
        assertThat(results.findValuesAsText("store")).containsOnly("postgres");
        try (Connection connection = DriverManager.getConnection(TestPostgres.url("postgres"));
                ResultSet left = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_database WHERE datname LIKE 'runtape_bench_%'")) {
            left.next();
            assertThat(left.getInt(1)).as("databases left behind").isZero();
        }
    }

    @Test
    void postgresWithoutAServerIsAUsageErrorThatSaysHowToNameOne() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new AppendBenchmark()).setErr(new PrintWriter(err))
                .execute("--store", "postgres");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--postgres-url jdbc:postgresql://HOST[:PORT]/postgres");
    }

    @Test
    void aUrlThatIsNotPostgresIsAUsageError() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new AppendBenchmark()).setErr(new PrintWriter(err))
                .execute("--postgres-url", "jdbc:mysql://db/x");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("not a PostgreSQL JDBC URL: jdbc:mysql://db/x");
    }
}
