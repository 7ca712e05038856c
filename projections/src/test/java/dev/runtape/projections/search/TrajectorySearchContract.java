package dev.runtape.projections.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link TrajectorySearch} must do, on real trajectories from {@code shared/samples}: each
 * expectation is computed from the documents themselves, never written down. A subclass gives a fresh, empty index
 * per test.
 */
public abstract class TrajectorySearchContract {

    static final String ACME = "acme";
    static final String GLOBEX = "globex";

    private TrajectorySearch search;
    private List<TrajectoryDocument> documents;

    /** A new, empty index. */
    protected abstract TrajectorySearch newSearch() throws Exception;

    @BeforeEach
    void indexTheSamples() throws Exception {
        search = newSearch();
        documents = SampleTrajectories.documents(ACME);
        search.indexAll(documents);
    }

    @AfterEach
    void closeTheIndex() throws Exception {
        search.close();
    }

    @Test
    void everyIndexedTrajectoryIsFoundAndReadBackAsIndexed() throws Exception {
        SearchPage page = search.search(SearchQuery.of(ACME).withPageSize(SearchQuery.MAX_PAGE_SIZE));

        assertThat(documents).hasSizeGreaterThan(15);
        assertThat(page.total()).isEqualTo(documents.size());
        assertThat(page.ids()).containsExactlyInAnyOrderElementsOf(ids(documents));
        assertThat(page.next()).isNull();
        for (TrajectoryDocument document : documents) {
            assertThat(search.find(ACME, document.id())).contains(document);
        }
    }

    @Test
    void freeTextFindsTheOneTrajectoryWithAWordAndHighlightsIt() throws Exception {
        Distinctive word = distinctiveWord(documents);

        SearchPage page = search.search(SearchQuery.of(ACME).withText(word.word()));

        assertThat(page.ids()).containsExactly(word.document().id());
        assertThat(page.hits().getFirst().highlights()).isNotEmpty()
                .anySatisfy(passage -> assertThat(passage.toLowerCase(Locale.ROOT))
                        .contains("<em>" + word.word() + "</em>"));
    }

    @Test
    void freeTextRequiresEveryTermAndExcludesNegatedOnes() throws Exception {
        Distinctive word = distinctiveWord(documents);
        String common = "the";
        Set<String> withCommon = ids(documents.stream().filter(d -> containsWord(d, common)).toList());

        assertThat(search.search(SearchQuery.of(ACME).withText(word.word() + " " + common)).ids())
                .containsExactly(word.document().id());
        assertThat(all(SearchQuery.of(ACME).withText(common + " -" + word.word())))
                .containsExactlyInAnyOrderElementsOf(withCommon.stream()
                        .filter(id -> !id.equals(word.document().id())).toList());
        assertThat(search.search(SearchQuery.of(ACME).withText("zzqxjv" + word.word())).total()).isZero();
    }

    @Test
    void eachKeywordFilterFindsExactlyTheTrajectoriesWithThatValue() throws Exception {
        for (SearchField field : SearchField.keywords()) {
            if (field.equals(SearchField.TENANT)) {
                continue;
            }
            List<String> values = documents.stream().flatMap(d -> keywords(d, field).stream()).distinct().sorted()
                    .limit(4).toList();
            assertThat(values).as(field.name()).isNotEmpty();
            for (String value : values) {
                Set<String> expected = ids(documents.stream().filter(d -> keywords(d, field).contains(value))
                        .toList());
                assertThat(all(SearchQuery.of(ACME).withFilter(SearchFilter.terms(field, value))))
                        .as(field + "=" + value).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void aFilterOfSeveralValuesMatchesAnyAndFiltersTogetherMatchAll() throws Exception {
        SearchFilter outcomes = SearchFilter.terms(SearchField.OUTCOME, "unknown", "success");
        SearchFilter labelled = SearchFilter.terms(SearchField.LABEL, "needs-review");

        assertThat(all(SearchQuery.of(ACME).withFilter(outcomes))).containsExactlyInAnyOrderElementsOf(
                ids(documents.stream().filter(d -> List.of("unknown", "success").contains(d.outcome())).toList()));
        assertThat(all(SearchQuery.of(ACME).withFilter(outcomes).withFilter(labelled)))
                .containsExactlyInAnyOrderElementsOf(ids(documents.stream()
                        .filter(d -> List.of("unknown", "success").contains(d.outcome()))
                        .filter(d -> d.labels().contains("needs-review")).toList()));
    }

    @Test
    void eachNumberFilterFindsTheTrajectoriesInItsRange() throws Exception {
        for (SearchField field : List.of(SearchField.STEPS, SearchField.DURATION, SearchField.STARTED,
                SearchField.stepCount("command"), SearchField.stepCount("message"))) {
            List<Long> values = documents.stream().map(d -> number(d, field)).filter(Objects::nonNull).sorted()
                    .toList();
            long middle = values.get(values.size() / 2);
            assertThat(all(SearchQuery.of(ACME).withFilter(SearchFilter.range(field, middle, null))))
                    .as(field + " >= " + middle).containsExactlyInAnyOrderElementsOf(ids(documents.stream()
                            .filter(d -> number(d, field) != null && number(d, field) >= middle).toList()));
            assertThat(all(SearchQuery.of(ACME).withFilter(SearchFilter.range(field, null, middle))))
                    .as(field + " <= " + middle).containsExactlyInAnyOrderElementsOf(ids(documents.stream()
                            .filter(d -> number(d, field) != null && number(d, field) <= middle).toList()));
        }
    }

    @Test
    void facetsCountTheValuesOfAllMatches() throws Exception {
        List<SearchField> fields = List.of(SearchField.OUTCOME, SearchField.SOURCE_FORMAT, SearchField.TOOL,
                SearchField.LABEL, SearchField.QA_STATUS);

        SearchPage page = search.search(SearchQuery.of(ACME).withFacets(fields.toArray(SearchField[]::new))
                .withPageSize(1));

        for (SearchField field : fields) {
            assertThat(List.copyOf(page.facets().get(field.name()).entrySet())).as(field.name())
                    .containsExactlyElementsOf(facet(documents, field).entrySet());
        }
        assertThat(page.hits()).hasSize(1);
    }

    @Test
    void facetsFollowTheFilters() throws Exception {
        SearchPage page = search.search(SearchQuery.of(ACME).withFilter(SearchFilter.terms(SearchField.LABEL,
                "good-recovery")).withFacets(SearchField.SOURCE_FORMAT));

        assertThat(List.copyOf(page.facets().get("source_format").entrySet())).containsExactlyElementsOf(
                facet(documents.stream().filter(d -> d.labels().contains("good-recovery")).toList(),
                        SearchField.SOURCE_FORMAT).entrySet());
    }

    @Test
    void sortsOrderByTheFieldThenById() throws Exception {
        Comparator<TrajectoryDocument> byId = Comparator.comparing(TrajectoryDocument::id);
        assertThat(all(SearchQuery.of(ACME).sortedBy(SearchSort.descending(SearchField.STEPS)))).containsExactlyElementsOf(
                ids(documents, Comparator.comparingLong(TrajectoryDocument::steps).reversed().thenComparing(byId)));
        assertThat(all(SearchQuery.of(ACME).sortedBy(SearchSort.ascending(SearchField.TASK)))).containsExactlyElementsOf(
                ids(documents, Comparator.comparing(TrajectoryDocument::task).thenComparing(byId)));
        assertThat(all(SearchQuery.of(ACME).sortedBy(SearchSort.ascending(SearchField.STARTED))))
                .containsExactlyElementsOf(ids(documents, Comparator.comparing(
                        (TrajectoryDocument d) -> d.started() == null ? Long.MAX_VALUE : d.started().toEpochMilli())
                        .thenComparing(byId)));
        assertThat(all(SearchQuery.of(ACME).sortedBy(SearchSort.descending(SearchField.DURATION))))
                .containsExactlyElementsOf(ids(documents, Comparator.comparing(
                        (TrajectoryDocument d) -> d.durationMs() == null ? Long.MIN_VALUE : d.durationMs())
                        .reversed().thenComparing(byId)));
        assertThat(all(SearchQuery.of(ACME))).as("without text, all equally relevant: by id")
                .containsExactlyElementsOf(ids(documents, byId));
    }

    @Test
    void pagingWithSearchAfterVisitsEveryHitOnceInOrder() throws Exception {
        for (SearchQuery query : List.of(SearchQuery.of(ACME).sortedBy(SearchSort.descending(SearchField.STARTED)),
                SearchQuery.of(ACME).sortedBy(SearchSort.ascending(SearchField.OUTCOME)),
                SearchQuery.of(ACME).sortedBy(SearchSort.descending(SearchField.stepCount("command"))),
                SearchQuery.of(ACME).withText("the"),
                SearchQuery.of(ACME).withText("the").sortedBy(SearchSort.ascending(SearchField.SCORE)))) {
            List<String> onePage = search.search(query.withPageSize(SearchQuery.MAX_PAGE_SIZE)).ids();
            List<String> paged = new ArrayList<>();
            int pages = 0;
            String cursor = null;
            do {
                SearchPage page = search.search(query.withPageSize(3).after(cursor));
                assertThat(page.hits()).hasSizeLessThanOrEqualTo(3).isNotEmpty();
                assertThat(page.total()).isEqualTo(onePage.size());
                paged.addAll(page.ids());
                cursor = page.next();
                pages++;
            } while (cursor != null);
            assertThat(paged).as(query.sort() + " " + query.text()).doesNotHaveDuplicates()
                    .containsExactlyElementsOf(onePage);
            assertThat(pages).isEqualTo((onePage.size() + 2) / 3);
        }
    }

    @Test
    void aTenantNeverSeesAnotherTenantsTrajectories() throws Exception {
        TrajectoryDocument theirs = documents.getFirst();
        Distinctive word = distinctiveWord(documents);
        List<TrajectoryDocument> globex = SampleTrajectories.documents(GLOBEX).subList(0, 5);
        search.indexAll(globex);
        search.delete(ACME, theirs.id());

        assertThat(all(SearchQuery.of(GLOBEX))).containsExactlyInAnyOrderElementsOf(ids(globex));
        assertThat(all(SearchQuery.of(ACME))).doesNotContain(theirs.id()).hasSize(documents.size() - 1);
        assertThat(search.search(SearchQuery.of(ACME).withFilter(SearchFilter.terms(SearchField.TENANT, GLOBEX)))
                .total()).isZero();
        assertThat(search.search(SearchQuery.of(ACME).withFilter(SearchFilter.terms(SearchField.ID, theirs.id())))
                .total()).isZero();
        assertThat(search.search(SearchQuery.of("initech")).total()).isZero();
        assertThat(search.find(ACME, theirs.id())).isEmpty();
        assertThat(search.find(GLOBEX, theirs.id())).contains(globex.getFirst());
        assertThat(search.search(SearchQuery.of(ACME).withFacets(SearchField.SOURCE_FORMAT)).facets()
                .get("source_format").values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(documents.size() - 1);
        boolean globexHasWord = globex.stream().anyMatch(d -> d.id().equals(word.document().id()));
        assertThat(search.search(SearchQuery.of(GLOBEX).withText(word.word())).total())
                .isEqualTo(globexHasWord ? 1 : 0);
    }

    @Test
    void aRedactedStepsTextIsNoLongerFoundButItsTrajectoryIs() throws Exception {
        Distinctive word = distinctiveWord(documents);
        TrajectoryDocument document = word.document();
        search.indexAll(List.of(SampleTrajectories.documents(GLOBEX).stream()
                .filter(d -> d.id().equals(document.id())).findFirst().orElseThrow()));

        assertThat(search.removeStepText(ACME, document.id(), word.step())).isTrue();

        assertThat(search.search(SearchQuery.of(ACME).withText(word.word())).total()).isZero();
        assertThat(search.search(SearchQuery.of(GLOBEX).withText(word.word())).ids())
                .as("the other tenant's copy is its own").containsExactly(document.id());
        assertThat(all(SearchQuery.of(ACME).withFilter(SearchFilter.terms(SearchField.ID, document.id()))
                .withFilter(SearchFilter.terms(SearchField.OUTCOME, document.outcome()))))
                .containsExactly(document.id());
        TrajectoryDocument redacted = search.find(ACME, document.id()).orElseThrow();
        assertThat(redacted.text()).noneMatch(part -> part.step() == word.step())
                .hasSize(document.text().size() - 1);
        assertThat(redacted.stepCounts()).isEqualTo(document.stepCounts());
        TrajectoryDocument.TextPart other = document.text().stream().filter(part -> part.step() != word.step())
                .filter(part -> part.text().length() > 20).findFirst().orElseThrow();
        String otherWord = wordsOf(other.text()).getFirst();
        assertThat(all(SearchQuery.of(ACME).withText(otherWord))).contains(document.id());
        assertThat(search.removeStepText(ACME, "no-such-trajectory", 0)).isFalse();
    }

    @Test
    void redactionsOfOneTrajectoryAtTheSameTimeAllTakeEffect() throws Exception {
        TrajectoryDocument document = documents.stream().max(Comparator.comparingInt(d -> d.text().size()))
                .orElseThrow();
        List<Long> steps = document.text().stream().map(TrajectoryDocument.TextPart::step).limit(8).toList();
        ExecutorService threads = Executors.newFixedThreadPool(steps.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> redactions = new ArrayList<>();
            for (long step : steps) {
                redactions.add(threads.submit(() -> {
                    start.await();
                    return search.removeStepText(ACME, document.id(), step);
                }));
            }
            start.countDown();
            for (Future<Boolean> redaction : redactions) {
                assertThat(redaction.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }

        TrajectoryDocument redacted = search.find(ACME, document.id()).orElseThrow();
        assertThat(redacted.text()).extracting(TrajectoryDocument.TextPart::step).doesNotContainAnyElementsOf(steps)
                .hasSize(document.text().size() - steps.size());
    }

    @Test
    void indexingTheSameTrajectoryAgainReplacesIt() throws Exception {
        TrajectoryDocument document = documents.get(2);
        String outcome = document.outcome().equals("failure") ? "success" : "failure";

        search.index(document.withOutcome(outcome).withLabels(List.of("relabelled")));

        assertThat(search.search(SearchQuery.of(ACME)).total()).isEqualTo(documents.size());
        assertThat(all(SearchQuery.of(ACME).withFilter(SearchFilter.terms(SearchField.OUTCOME, outcome))))
                .contains(document.id());
        assertThat(all(SearchQuery.of(ACME).withFilter(SearchFilter.terms(SearchField.OUTCOME,
                document.outcome())))).doesNotContain(document.id());
        assertThat(all(SearchQuery.of(ACME).withFilter(SearchFilter.terms(SearchField.LABEL, "relabelled"))))
                .containsExactly(document.id());
        assertThat(search.find(ACME, document.id()).orElseThrow().labels()).containsExactly("relabelled");
    }

    @Test
    void aDeletedTrajectoryIsGone() throws Exception {
        TrajectoryDocument document = documents.get(1);

        assertThat(search.delete(ACME, document.id())).isTrue();

        assertThat(search.find(ACME, document.id())).isEmpty();
        assertThat(all(SearchQuery.of(ACME))).hasSize(documents.size() - 1).doesNotContain(document.id());
        assertThat(search.delete(ACME, document.id())).isFalse();
    }

    @Test
    void aClearedIndexHoldsNothingAndTakesDocumentsAgain() throws Exception {
        search.clear();

        assertThat(all(SearchQuery.of(ACME))).isEmpty();
        assertThat(search.find(ACME, documents.getFirst().id())).isEmpty();
        search.index(documents.getFirst());
        assertThat(all(SearchQuery.of(ACME))).containsExactly(documents.getFirst().id());
    }

    @Test
    void aQueryThatCannotRunIsRefusedSayingWhy() throws Exception {
        SearchQuery query = SearchQuery.of(ACME);
        String cursor = search.search(query.withPageSize(1).sortedBy(SearchSort.descending(SearchField.STEPS)))
                .next();

        refused(query.withPageSize(0), "pageSize: expected 1 to 1000, found 0");
        refused(query.withPageSize(1001), "pageSize: expected 1 to 1000, found 1001");
        refused(query.after("not-a-cursor"), "searchAfter: expected a cursor from a previous page, found "
                + "\"not-a-cursor\", which is not one");
        refused(query.after(cursor), "searchAfter: expected a cursor of a search sorted by -score, found one sorted "
                + "by -steps");
        refused(query.withFilter(SearchFilter.range(SearchField.OUTCOME, 1L, 2L)),
                "filter \"outcome\": expected values for a keyword field, found a range");
        refused(query.withFilter(SearchFilter.range(SearchField.STEPS, 5L, 2L)),
                "filter \"steps\": expected FROM no greater than TO, found 5..2");
        refused(query.withFacets(SearchField.STEPS), "facet \"steps\": expected a keyword field other than id and "
                + "tenant, found steps");
        refused(query.sortedBy(SearchSort.ascending(SearchField.LABEL)), "sort: expected one of score, task, "
                + "task_family, source_format, outcome, qa_status, started, duration_ms, steps, steps_message");
        refused(SearchQuery.of(" "), "tenant: expected the tenant to search, found none");
        assertThatThrownBy(() -> SearchFilter.parse("colour", "red")).isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith("filter \"colour\": expected one of score, id, tenant, task")
                .hasMessageEndingWith(", found \"colour\"");
        assertThatThrownBy(() -> SearchFilter.parse("steps", "ten")).isInstanceOf(InvalidQueryException.class)
                .hasMessage("filter \"steps\": expected a whole number or a range FROM..TO, found \"ten\"");
        assertThat(SearchFilter.parse("duration_ms", "1000..")).isEqualTo(SearchFilter.range(SearchField.DURATION,
                1000L, null));
        assertThat(SearchSort.parse("-started")).isEqualTo(SearchSort.descending(SearchField.STARTED));
    }

    private void refused(SearchQuery query, String message) {
        assertThatThrownBy(() -> search.search(query)).isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith(message);
    }

    /** Every id the query finds, page after page. */
    private List<String> all(SearchQuery query) throws SearchException {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = search.search(query.withPageSize(7).after(cursor));
            ids.addAll(page.ids());
            cursor = page.next();
        } while (cursor != null);
        return ids;
    }

    private static Set<String> ids(List<TrajectoryDocument> documents) {
        return documents.stream().map(TrajectoryDocument::id).collect(Collectors.toSet());
    }

    private static List<String> ids(List<TrajectoryDocument> documents, Comparator<TrajectoryDocument> order) {
        return documents.stream().sorted(order).map(TrajectoryDocument::id).toList();
    }

    private static List<String> keywords(TrajectoryDocument d, SearchField field) {
        Map<SearchField, Function<TrajectoryDocument, @Nullable Object>> fields = Map.ofEntries(
                Map.entry(SearchField.ID, TrajectoryDocument::id),
                Map.entry(SearchField.TASK, TrajectoryDocument::task),
                Map.entry(SearchField.TASK_FAMILY, TrajectoryDocument::taskFamily),
                Map.entry(SearchField.SOURCE_FORMAT, TrajectoryDocument::sourceFormat),
                Map.entry(SearchField.OUTCOME, TrajectoryDocument::outcome),
                Map.entry(SearchField.QA_STATUS, TrajectoryDocument::qaStatus),
                Map.entry(SearchField.LABEL, TrajectoryDocument::labels),
                Map.entry(SearchField.OPERATOR, TrajectoryDocument::operator),
                Map.entry(SearchField.AGENT, TrajectoryDocument::agent),
                Map.entry(SearchField.MODEL, TrajectoryDocument::model),
                Map.entry(SearchField.REPOSITORY, TrajectoryDocument::repository),
                Map.entry(SearchField.TOOL, TrajectoryDocument::tools));
        Object value = fields.get(field).apply(d);
        return switch (value) {
            case null -> List.of();
            case List<?> list -> list.stream().map(String.class::cast).toList();
            default -> List.of((String) value);
        };
    }

    private static @Nullable Long number(TrajectoryDocument d, SearchField field) {
        if (field.equals(SearchField.STEPS)) {
            return d.steps();
        } else if (field.equals(SearchField.DURATION)) {
            return d.durationMs();
        } else if (field.equals(SearchField.STARTED)) {
            return d.started() == null ? null : d.started().toEpochMilli();
        }
        return d.stepCounts().getOrDefault(field.name().substring("steps_".length()), 0L);
    }

    private static Map<String, Long> facet(List<TrajectoryDocument> documents, SearchField field) {
        Map<String, Long> counts = documents.stream().flatMap(d -> keywords(d, field).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).limit(SearchQuery.FACET_VALUES)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** A word of letters only, in one step's text of one trajectory and nowhere else, not even inside a word. */
    record Distinctive(TrajectoryDocument document, long step, String word) {
    }

    static Distinctive distinctiveWord(List<TrajectoryDocument> documents) {
        for (TrajectoryDocument document : documents) {
            String others = documents.stream().filter(d -> d != document).flatMap(d -> d.text().stream())
                    .map(part -> part.text().toLowerCase(Locale.ROOT)).collect(Collectors.joining("\n"));
            for (TrajectoryDocument.TextPart part : document.text()) {
                for (String word : wordsOf(part.text())) {
                    long partsWithIt = document.text().stream()
                            .filter(p -> p.text().toLowerCase(Locale.ROOT).contains(word)).count();
                    if (word.length() >= 9 && partsWithIt == 1 && !others.contains(word)) {
                        return new Distinctive(document, part.step(), word);
                    }
                }
            }
        }
        throw new IllegalStateException("no sample has a word of its own");
    }

    /** The whitespace-separated words of letters only, lower case: each is one token for any standard analyzer. */
    static List<String> wordsOf(String text) {
        Predicate<String> letters = word -> word.chars().allMatch(c -> c >= 'a' && c <= 'z');
        return List.of(text.toLowerCase(Locale.ROOT).split("\\s+")).stream().filter(w -> w.length() >= 4)
                .filter(letters).distinct().toList();
    }

    private static boolean containsWord(TrajectoryDocument d, String word) {
        Set<String> words = new HashSet<>();
        for (TrajectoryDocument.TextPart part : d.text()) {
            words.addAll(List.of(part.text().toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")));
        }
        return words.contains(word);
    }
}
