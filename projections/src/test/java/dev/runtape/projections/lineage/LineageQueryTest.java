package dev.runtape.projections.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading node ids and query parameters, and refusing what cannot be asked, with the message the API answers. */
class LineageQueryTest {

    private static final NodeId DATASET = NodeId.of(NodeKind.DATASET, "d-1");

    @Test
    void missingParametersMeanUpToDepthTen() throws Exception {
        assertThat(LineageQuery.parse(DATASET, null, null)).isEqualTo(new LineageQuery(DATASET, Direction.UP, 10));
        assertThat(LineageQuery.parse(DATASET, "down", "100"))
                .isEqualTo(new LineageQuery(DATASET, Direction.DOWN, 100));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sideways | 3    | direction: expected up or down, found \"sideways\"",
        "UP       | 3    | direction: expected up or down, found \"UP\"",
        "up       | 0    | depth: expected a whole number from 1 to 100, found \"0\"",
        "up       | 101  | depth: expected a whole number from 1 to 100, found \"101\"",
        "up       | -1   | depth: expected a whole number from 1 to 100, found \"-1\"",
        "up       | +5   | depth: expected a whole number from 1 to 100, found \"+5\"",
        "up       | 2.0  | depth: expected a whole number from 1 to 100, found \"2.0\"",
        "up       | many | depth: expected a whole number from 1 to 100, found \"many\"",
    })
    void aBadDirectionOrDepthIsRefusedSayingWhereAndWhat(String direction, String depth, String message) {
        assertThatThrownBy(() -> LineageQuery.parse(DATASET, direction, depth))
                .isInstanceOf(InvalidLineageQueryException.class).hasMessage(message);
    }

    @Test
    void aQueryStartsOnlyAtATrajectoryADatasetOrAnExport() {
        assertThatThrownBy(() -> new LineageQuery(NodeId.of(NodeKind.TASK, "t"), Direction.UP, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a lineage query starts at a trajectory, a dataset or an export, not task/t");
    }

    @Test
    void nodeIdsReadBackAsTheyAreWrittenKeysMayHoldSlashes() {
        NodeId export = NodeId.of(NodeKind.EXPORT, "d-1", "e-1");
        assertThat(export.toString()).isEqualTo("export/d-1/e-1");
        assertThat(NodeId.parse("export/d-1/e-1")).isEqualTo(export);
        assertThat(NodeId.parse("qa-record/t-1").kind()).isEqualTo(NodeKind.QA_RECORD);
        assertThatThrownBy(() -> NodeId.parse("teleport/t-1")).hasMessage(
                "node id: expected a kind of node, found \"teleport\"");
        assertThatThrownBy(() -> NodeId.parse("trajectory/")).hasMessage(
                "node id: expected KIND/KEY, found \"trajectory/\"");
        assertThatThrownBy(() -> NodeId.parse("trajectory")).hasMessage(
                "node id: expected KIND/KEY, found \"trajectory\"");
    }
}
