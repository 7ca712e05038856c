package dev.runtape.api.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.api.commands.CallerArgument;
import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.projections.search.InvalidQueryException;
import dev.runtape.projections.search.SearchException;
import dev.runtape.projections.search.SearchHit;
import dev.runtape.projections.search.SearchPage;
import dev.runtape.projections.search.SearchParameters;
import dev.runtape.projections.search.SearchQuery;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /search?q=...&FIELD=VALUE,...&facet=FIELD&sort=-FIELD&size=N&after=CURSOR}: the caller's tenant's
 * trajectories that match, with highlights, facets and the cursor of the next page (decision 0016). The tenant is
 * the caller's, never a parameter: the adapter adds it to every query.
 */
@RestController
public class SearchController {

    private final SearchIndex index;

    public SearchController(SearchIndex index) {
        this.index = index;
    }

    @GetMapping(path = "/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode search(@RequestParam MultiValueMap<String, String> parameters) throws SearchException {
        SearchQuery query;
        try {
            query = SearchParameters.parse(CallerArgument.current().tenant(), Map.copyOf(parameters));
        } catch (InvalidQueryException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        SearchPage page;
        try {
            page = index.current().search(query);
        } catch (InvalidQueryException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("total", page.total());
        ArrayNode hits = body.putArray("hits");
        for (SearchHit hit : page.hits()) {
            ObjectNode node = hits.addObject().put("trajectory-id", hit.id()).put("score", hit.score());
            hit.highlights().forEach(node.putArray("highlights")::add);
        }
        ObjectNode facets = body.putObject("facets");
        page.facets().forEach((field, counts) -> {
            ObjectNode values = facets.putObject(field);
            counts.forEach(values::put);
        });
        if (page.next() == null) {
            body.putNull("next");
        } else {
            body.put("next", page.next());
        }
        return body;
    }

}
