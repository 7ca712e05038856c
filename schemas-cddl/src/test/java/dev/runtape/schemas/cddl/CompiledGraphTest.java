package dev.runtape.schemas.cddl;

import static dev.runtape.schemas.cddl.Cddl.arr;
import static dev.runtape.schemas.cddl.Cddl.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.bench.StatementValidationBenchmark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which rules the validator compiles into a graph, and what the graph leaves to the interpreting matcher: rules that
 * loop on one value, and instances nested so deeply that the matcher could reach its depth limit on them.
 */
class CompiledGraphTest {

    private static Validator validator(String rule, String source) throws SchemaException {
        return Schema.compile("test.cddl", source).validator(rule);
    }

    @Test
    void everyTypeRuleOfRuntapesSchemasIsCompiled() {
        List<String> interpreted = new ArrayList<>();
        for (String rule : RuntapeSchemas.schema().ruleNames()) {
            Validator validator;
            try {
                validator = RuntapeSchemas.validator(rule);
            } catch (IllegalArgumentException groupOrGeneric) {
                continue;
            }
            if (validator.compiledVerdict(CborSimple.NULL) == null) {
                interpreted.add(rule);
            }
        }

        assertThat(interpreted).isEmpty();
    }

    @Test
    void theBenchmarksStatementIsAcceptedByTheGraphAlone() {
        Validator statements = RuntapeSchemas.validator(RuntapeSchemas.STATEMENT);

        assertThat(statements.compiledVerdict(StatementValidationBenchmark.typicalStatement())).isTrue();
    }

    @Test
    void aRuleThatRefersToItselfOnTheSameValueIsLeftToTheMatcher() throws SchemaException {
        Validator loop = validator("loop", "loop = int / loop");

        assertThat(loop.compiledVerdict(Cddl.cbor(1))).isNull();
        assertThat(loop.validate(Cddl.cbor(1)).isValid()).isTrue();
        assertThat(loop.validate(Cddl.cbor("x")).failures()).extracting(Failure::toString)
                .containsExactly("$: expected loop (int / loop), found text \"x\"");
    }

    @Test
    void aGroupThatSplicesItselfIsLeftToTheMatcher() throws SchemaException {
        Validator m = validator("m", "m = {g}\ng = (x: int, ? g)");

        assertThat(m.compiledVerdict(map("x", 1))).isNull();
        assertThat(m.validate(map("x", 1)).isValid()).isTrue();
    }

    @Test
    void aRuleThatRefersToItselfThroughItsItemsIsCompiled() throws SchemaException {
        Validator tree = validator("tree", "tree = [* tree] / int");

        assertThat(tree.compiledVerdict(arr(arr(1, arr()), 2))).isTrue();
        assertThat(tree.compiledVerdict(arr(arr("x")))).isFalse();
    }

    @Test
    void instancesNestedDeeperThanTheMatcherCouldFollowAreLeftToIt() throws SchemaException {
        Validator tree = validator("tree", "tree = [* tree] / int");
        CborValue hundred = nested(100);
        CborValue threeHundred = nested(300);

        assertThat(tree.compiledVerdict(hundred)).isTrue();
        assertThat(tree.compiledVerdict(threeHundred)).isNull();
        assertThat(tree.validate(threeHundred).failures()).singleElement().extracting(Failure::message)
                .isEqualTo("the instance nests too deeply to validate (170 items and members deep)");
    }

    @Test
    void genericRulesAreInstantiatedForEachUse() throws SchemaException {
        Validator pairs = validator("root", "root = pair<int, tstr> / pair<tstr, [* pair<int, int>]>\npair<a, b> = [a, b]");

        assertThat(pairs.compiledVerdict(arr(1, "a"))).isTrue();
        assertThat(pairs.compiledVerdict(arr("a", arr(arr(1, 2))))).isTrue();
        assertThat(pairs.compiledVerdict(arr("a", arr(arr(1, "b"))))).isFalse();
    }

    @Test
    void aChoiceOfMapsIsDecidedByTheOptionItsDiscriminatorNames() throws SchemaException {
        Validator shapes = validator("shape", """
                shape = circle / square / {"kind": "dot"}
                circle = {"kind": "circle", radius: uint}
                square = {"kind": "square", side: uint, ? label: tstr}
                """);

        assertThat(shapes.compiledVerdict(map("kind", "square", "side", 2))).isTrue();
        assertThat(shapes.compiledVerdict(map("kind", "dot"))).isTrue();
        assertThat(shapes.compiledVerdict(map("kind", "circle", "side", 2))).isFalse();
        assertThat(shapes.compiledVerdict(map("kind", "oval", "radius", 2))).isFalse();
        assertThat(shapes.compiledVerdict(Cddl.cbor(3))).isFalse();
    }

    @Test
    void aLiteralKeyWithoutACutLeavesAMemberItRefusesToAnEntryWithATypeKey() throws SchemaException {
        Validator header = validator("header", "header = {? 1 => int, * int => any}");

        assertThat(header.compiledVerdict(map(1, "not an int"))).isTrue();
        assertThat(validator("header", "header = {? 1: int, * int => any}").compiledVerdict(map(1, "x"))).isFalse();
    }

    private static CborValue nested(int depth) {
        CborValue value = Cddl.cbor(1);
        for (int i = 0; i < depth; i++) {
            value = arr(value);
        }
        return value;
    }
}
