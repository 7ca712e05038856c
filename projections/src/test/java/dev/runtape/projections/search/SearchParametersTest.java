package dev.runtape.projections.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    @Test
    void theParametersOfASearchBecomeItsQuery() throws Exception {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("q", List.of("pytest failed"));
        parameters.put("outcome", List.of("failure,aborted"));
        parameters.put("label", List.of("wrong-file", "needs-review"));
        parameters.put("duration_ms", List.of("1000.."));
        parameters.put("facet", List.of("tool", "model"));
        parameters.put("sort", List.of("-started"));
        parameters.put("size", List.of("50"));

        SearchQuery query = SearchParameters.parse("acme", parameters);

        assertThat(query).isEqualTo(SearchQuery.of("acme").withText("pytest failed")
                .withFilter(SearchFilter.terms(SearchField.OUTCOME, "failure", "aborted"))
                .withFilter(SearchFilter.terms(SearchField.LABEL, "wrong-file"))
                .withFilter(SearchFilter.terms(SearchField.LABEL, "needs-review"))
                .withFilter(SearchFilter.range(SearchField.DURATION, 1000L, null))
                .withFacets(SearchField.TOOL, SearchField.MODEL)
                .sortedBy(SearchSort.descending(SearchField.STARTED)).withPageSize(50));
    }

    @Test
    void aParameterThatCannotBeReadIsNamed() {
        assertThatThrownBy(() -> SearchParameters.parse("acme", Map.of("size", List.of("many"))))
                .isInstanceOf(InvalidQueryException.class).hasMessage("size: expected a whole number, found \"many\"");
        assertThatThrownBy(() -> SearchParameters.parse("acme", Map.of("size", List.of("5000"))))
                .isInstanceOf(InvalidQueryException.class).hasMessage("pageSize: expected 1 to 1000, found 5000");
        assertThatThrownBy(() -> SearchParameters.parse("acme", Map.of("sort", List.of("steps", "task"))))
                .isInstanceOf(InvalidQueryException.class).hasMessage("sort: expected one value, found 2");
        assertThatThrownBy(() -> SearchParameters.parse("acme", Map.of("facet", List.of("colour"))))
                .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("facet: expected one of score, id");
        assertThatThrownBy(() -> SearchParameters.parse("acme", Map.of("weather", List.of("rain"))))
                .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("filter \"weather\": expected one of");
        assertThatThrownBy(() -> SearchParameters.parse("acme", Map.of("after", List.of("e30"))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("searchAfter: expected a cursor from a previous page, found \"e30\", which is not one");
    }

    @Test
    void aCursorReadsBackAsWrittenAndOnlyUnderItsOwnSort() throws Exception {
        SearchSort steps = SearchSort.descending(SearchField.STEPS);
        SearchCursor cursor = new SearchCursor(steps, 42L, "swe-agent-traj-0123");
        SearchCursor score = new SearchCursor(SearchSort.RELEVANCE, 1.25, "a");
        SearchCursor task = new SearchCursor(SearchSort.ascending(SearchField.TASK), "django__django-1", "b");

        assertThat(SearchCursor.decode(cursor.encode(), steps)).isEqualTo(cursor);
        assertThat(SearchCursor.decode(score.encode(), SearchSort.RELEVANCE)).isEqualTo(score);
        assertThat(SearchCursor.decode(task.encode(), task.sort())).isEqualTo(task);
        assertThatThrownBy(() -> SearchCursor.decode(cursor.encode(), SearchSort.ascending(SearchField.STEPS)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("searchAfter: expected a cursor of a search sorted by steps, found one sorted by -steps");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"-steps\",\"many\",\"x\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SearchCursor.decode(forged, steps)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("searchAfter: expected a cursor whose value fits the sort -steps, found \"many\"");
    }
}
