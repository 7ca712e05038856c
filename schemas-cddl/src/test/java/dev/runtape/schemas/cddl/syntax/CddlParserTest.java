package dev.runtape.schemas.cddl.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser turns each CDDL construct (RFC 8610 Appendix B) into the expected tree. Trees are compared as compact
 * shapes (see {@link #shape(TypeExpr)}): {@code (/ a b)} a type choice, {@code (.. lo hi)} a range,
 * {@code (.size t c)} a control, {@code {...}} a map, {@code [...]} an array, {@code (...)} a parenthesized group,
 * entries as {@code occurrence key => type} with {@code ^=>} for a cut; groups join entries with {@code ,} and group
 * choices with {@code //}.
 */
class CddlParserTest {

    // --- shapes -------------------------------------------------------------------------------------------

    static String shape(TypeExpr type) {
        return switch (type) {
            case TypeExpr.Choice c -> c.options().stream().map(CddlParserTest::shape)
                    .collect(Collectors.joining(" ", "(/ ", ")"));
            case TypeExpr.Value v -> v.literal().toString();
            case TypeExpr.Name n -> n.arguments().isEmpty() ? n.name()
                    : n.name() + n.arguments().stream().map(CddlParserTest::shape)
                            .collect(Collectors.joining(", ", "<", ">"));
            case TypeExpr.MapOf m -> "{" + shape(m.group()) + "}";
            case TypeExpr.ArrayOf a -> "[" + shape(a.group()) + "]";
            case TypeExpr.Parenthesized p -> "(" + shape(p.group()) + ")";
            case TypeExpr.Unwrap u -> "~" + shape(u.name());
            case TypeExpr.Enumeration e -> "&" + shape(e.group());
            case TypeExpr.MajorType t -> "#" + (t.majorType().isPresent() ? t.majorType().getAsLong() : "")
                    + (t.argument().isPresent() ? "." + Long.toUnsignedString(t.argument().getAsLong()) : "")
                    + (t.majorType().orElse(-1) == 6 ? "(" + shape(t.content()) + ")" : "");
            case TypeExpr.Range r -> "(" + (r.inclusive() ? ".." : "...") + " " + shape(r.low()) + " "
                    + shape(r.high()) + ")";
            case TypeExpr.Control c -> "(." + c.operator() + " " + shape(c.target()) + " " + shape(c.controller()) + ")";
        };
    }

    static String shape(GroupExpr group) {
        return group.choices().stream()
                .map(choice -> choice.stream().map(CddlParserTest::shape).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" // "));
    }

    static String shape(GroupEntry entry) {
        String occurrence = entry.occurrence().equals(Occurrence.ONCE) ? ""
                : entry.occurrence().min() + "*" + (entry.occurrence().max() == Long.MAX_VALUE ? "" : entry.occurrence().max()) + " ";
        String key = entry.key().map(k -> shape(k.type()) + (k.cut() ? " ^=> " : " => ")).orElse("");
        return occurrence + key + shape(entry.value());
    }

    /** The single rule of {@code source}, as {@code name<params> op shape}. */
    static String rule(String source) throws CddlSyntaxException {
        List<Rule> rules = CddlParser.parse(source);
        assertThat(rules).hasSize(1);
        return rule(rules.getFirst());
    }

    static String rule(Rule rule) {
        String params = rule.parameters().isEmpty() ? "" : String.join(", ", rule.parameters());
        String op = switch (rule.assignment()) {
            case DEFINE -> "=";
            case ADD_TYPE_CHOICE -> "/=";
            case ADD_GROUP_CHOICE -> "//=";
        };
        return rule.name() + (params.isEmpty() ? "" : "<" + params + ">") + " " + op + " " + shape(rule.body());
    }

    /** The type on the right of {@code a = ...}. */
    static String type(String typeSource) throws CddlSyntaxException {
        String rule = rule("a = " + typeSource);
        assertThat(rule).startsWith("a = ");
        return rule.substring("a = ".length());
    }

    static String syntaxError(String source) {
        try {
            CddlParser.parse(source);
        } catch (CddlSyntaxException e) {
            assertThat(e.getMessage()).startsWith(e.position() + ": ");
            return e.getMessage();
        }
        throw new AssertionError("parsed: " + source);
    }

    // --- rules --------------------------------------------------------------------------------------------

    @Nested
    class Rules {

        @Test
        void eachAssignmentIsKeptWithTheRule() throws Exception {
            List<Rule> rules = CddlParser.parse("""
                    a = int
                    a /= tstr
                    g = (x: int)
                    g //= (y: tstr)
                    """);

            assertThat(rules).extracting(CddlParserTest::rule).containsExactly(
                    "a = int",
                    "a /= tstr",
                    "g = (\"x\" ^=> int)",
                    "g //= (\"y\" ^=> tstr)");
        }

        @Test
        void rulesKeepTheirPositionsOneBased() throws Exception {
            List<Rule> rules = CddlParser.parse("a = int\n\n  b = [tstr]\n");

            assertThat(rules).extracting(Rule::position).containsExactly(new Position(1, 1), new Position(3, 3));
            assertThat(rules.get(1).body().position()).isEqualTo(new Position(3, 7));
        }

        @Test
        void aGroupRuleBodyIsOneEntryWithItsKeyAndOccurrence() throws Exception {
            assertThat(rule("g = ? x: int")).isEqualTo("g = 0*1 \"x\" ^=> int");
        }

        @Test
        void namesHoldDashesDotsAndTheCharactersAtDollarUnderscore() throws Exception {
            assertThat(rule("a.b-c = @x_y.z-1 / $s / $$g / _u")).isEqualTo("a.b-c = (/ @x_y.z-1 $s $$g _u)");
        }

        @Test
        void genericParametersAndArgumentsAreKept() throws Exception {
            List<Rule> rules = CddlParser.parse("""
                    pair<a, b> = [a, b]
                    use = pair<int, pair< tstr , bstr>>
                    """);

            assertThat(rules).extracting(CddlParserTest::rule).containsExactly(
                    "pair<a, b> = [a, b]",
                    "use = pair<int, pair<tstr, bstr>>");
        }

        @Test
        void genericArgumentsMayBeLiteralsRangesAndControls() throws Exception {
            assertThat(type("p<\"x\", 1..3, tstr .size 2>")).isEqualTo("p<\"x\", (.. 1 3), (.size tstr 2)>");
        }

        @Test
        void socketsAreNamesStartingWithDollarSigns() throws Exception {
            List<Rule> rules = CddlParser.parse("""
                    $version /= 1
                    $$ext //= (? note: tstr)
                    m = {$$ext, v: $version}
                    """);

            assertThat(rules).extracting(CddlParserTest::rule).containsExactly(
                    "$version /= 1",
                    "$$ext //= (0*1 \"note\" ^=> tstr)",
                    "m = {$$ext, \"v\" ^=> $version}");
        }
    }

    // --- types and groups ---------------------------------------------------------------------------------

    @Nested
    class TypesAndGroups {

        @Test
        void typeChoicesMaySpanLinesWithComments() throws Exception {
            assertThat(type("""
                    int ; first
                      / tstr ; second
                      / nil
                    """)).isEqualTo("(/ int tstr nil)");
        }

        @Test
        void groupChoicesBindLooserThanCommas() throws Exception {
            assertThat(type("{a: int, b: int // c: tstr}")).isEqualTo("{\"a\" ^=> int, \"b\" ^=> int // \"c\" ^=> tstr}");
        }

        @Test
        void groupChoicesWorkInArraysAndParentheses() throws Exception {
            assertThat(type("[int // tstr, tstr]")).isEqualTo("[int // tstr, tstr]");
            assertThat(type("[* (int // (tstr, bool))]")).isEqualTo("[0* (int // (tstr, bool))]");
        }

        @Test
        void commasAreOptionalAndMayTrail() throws Exception {
            assertThat(type("{ a: int b: tstr, }")).isEqualTo("{\"a\" ^=> int, \"b\" ^=> tstr}");
        }

        @Test
        void mapsAndArraysNestAndMayBeEmpty() throws Exception {
            assertThat(type("{ x: [ {}, [] ] }")).isEqualTo("{\"x\" ^=> [{}, []]}");
        }

        @Test
        void aParenthesizedTypeIsAGroupOfOneEntry() throws Exception {
            assertThat(type("(int / tstr) .size 2")).isEqualTo("(.size ((/ int tstr)) 2)");
        }

        @Test
        void anInlineGroupAndAGroupNameSpliceIntoAMap() throws Exception {
            assertThat(type("{ (a: int, b: int), common, ? (c: bool) }"))
                    .isEqualTo("{(\"a\" ^=> int, \"b\" ^=> int), common, 0*1 (\"c\" ^=> bool)}");
        }

        @Test
        void unwrapTakesAName() throws Exception {
            assertThat(type("[~header, ~ body<int>]")).isEqualTo("[~header, ~body<int>]");
        }

        @Test
        void enumerationsTakeAGroupOrAGroupName() throws Exception {
            assertThat(type("&(red: 1, green: 2) / &colors")).isEqualTo("(/ &(\"red\" ^=> 1, \"green\" ^=> 2) &colors)");
        }
    }

    // --- occurrences and member keys ---------------------------------------------------------------------

    @Nested
    class OccurrencesAndMemberKeys {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(delimiter = '|', value = {
                "? int   | 0*1 int",
                "* int   | 0* int",
                "+ int   | 1* int",
                "2*5 int | 2*5 int",
                "*3 int  | 0*3 int",
                "2* int  | 2* int",
                "1*1 int | int",
                "0*0 int | 0*0 int"})
        void eachOccurrenceIndicatorGivesItsBounds(String entry, String expected) throws Exception {
            assertThat(type("[" + entry + "]")).isEqualTo("[" + expected + "]");
        }

        @Test
        void aNumberBeforeATypeIsAValueNotAnOccurrence() throws Exception {
            assertThat(type("[2, 3*4 int]")).isEqualTo("[2, 3*4 int]");
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(delimiter = '|', value = {
                "bare: int            | \"bare\" ^=> int",
                "bare : int           | \"bare\" ^=> int",
                "\"text key\": int    | \"text key\" ^=> int",
                "1: int               | 1 ^=> int",
                "-2: int              | -2 ^=> int",
                "h'01': int           | h'01' ^=> int",
                "tstr => int          | tstr => int",
                "\"t\" => int         | \"t\" => int",
                "tstr ^ => int        | tstr ^=> int",
                "tstr^=>int           | tstr ^=> int",
                "(int / tstr) => any  | ((/ int tstr)) => any",
                "1..3 => any          | (.. 1 3) => any",
                "&(alg: 1) => int     | &(\"alg\" ^=> 1) => int",
                "[int] => any         | [int] => any",
                "#6.1(int) => any     | #6.1(int) => any"})
        void eachKindOfMemberKeyParses(String entry, String expected) throws Exception {
            assertThat(type("{" + entry + "}")).isEqualTo("{" + expected + "}");
        }

        @Test
        void aBarewordFollowedByAColonIsAKeyButANameAloneIsAType() throws Exception {
            assertThat(type("{ ? label: tstr, label }")).isEqualTo("{0*1 \"label\" ^=> tstr, label}");
        }

        @Test
        void keysAreParsedInArraysToo() throws Exception {
            assertThat(type("[a: int, b: tstr]")).isEqualTo("[\"a\" ^=> int, \"b\" ^=> tstr]");
        }
    }

    // --- ranges, controls, major types ---------------------------------------------------------------------

    @Nested
    class RangesControlsAndMajorTypes {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(delimiter = '|', value = {
                "1..10        | (.. 1 10)",
                "1...10       | (... 1 10)",
                "-5..-1       | (.. -5 -1)",
                "0.5..2.5     | (.. 0.5 2.5)",
                "lo .. hi     | (.. lo hi)",
                "lo ... 9     | (... lo 9)",
                "0x10..0xff   | (.. 16 255)"})
        void rangesAreInclusiveWithTwoDotsAndExclusiveWithThree(String range, String expected) throws Exception {
            assertThat(type(range)).isEqualTo(expected);
        }

        @Test
        void twoNamesJoinedByDotsAreOneName() throws Exception {
            assertThat(type("lo..hi")).isEqualTo("lo..hi");
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(delimiter = '|', value = {
                "tstr .size 3                | (.size tstr 3)",
                "bstr .size (1..4)           | (.size bstr ((.. 1 4)))",
                "uint .bits flags            | (.bits uint flags)",
                "tstr .regexp \"[a-z]+\"     | (.regexp tstr \"[a-z]+\")",
                "bstr .cbor header           | (.cbor bstr header)",
                "bstr .cborseq [* int]       | (.cborseq bstr [0* int])",
                "uint .within int            | (.within uint int)",
                "any .and { * tstr => any }  | (.and any {0* tstr => any})",
                "int .lt 3                   | (.lt int 3)",
                "int .le 3                   | (.le int 3)",
                "int .gt -3                  | (.gt int -3)",
                "int .ge 3                   | (.ge int 3)",
                "tstr .eq \"x\"              | (.eq tstr \"x\")",
                "tstr .ne \"x\"              | (.ne tstr \"x\")",
                "uint .default 7             | (.default uint 7)",
                "tstr .anything-else 1       | (.anything-else tstr 1)"})
        void controlOperatorsJoinATargetAndAController(String control, String expected) throws Exception {
            assertThat(type(control)).isEqualTo(expected);
        }

        @Test
        void aControlBindsTighterThanATypeChoice() throws Exception {
            assertThat(type("tstr .size 2 / bstr .size 4")).isEqualTo("(/ (.size tstr 2) (.size bstr 4))");
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(delimiter = '|', value = {
                "#6.32(tstr)    | #6.32(tstr)",
                "#6.32( tstr )  | #6.32(tstr)",
                "#6(any)        | #6(any)",
                "#6             | #6(any)",
                "#6.1           | #6.1(any)",
                "#6.18446744073709551615(any) | #6.18446744073709551615(any)",
                "#0             | #0",
                "#1.5           | #1.5",
                "#7.25          | #7.25",
                "#              | #"})
        void majorTypesTakeAnArgumentAndTagsAContent(String type, String expected) throws Exception {
            assertThat(type(type)).isEqualTo(expected);
        }
    }

    // --- literals -----------------------------------------------------------------------------------------

    @Nested
    class Literals {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(delimiter = '|', value = {
                "0          | 0",
                "42         | 42",
                "-7         | -7",
                "0x1F       | 31",
                "-0x10      | -16",
                "0b101      | 5",
                "-0b11      | -3",
                "18446744073709551615 | 18446744073709551615",
                "1.5        | 1.5",
                "-0.25      | -0.25",
                "1e3        | 1000.0",
                "2.5E-1     | 0.25",
                "0x1.8p1    | 3.0",
                "0x1p-2     | 0.25",
                "-0x1.0p0   | -1.0"})
        void numbersParseToTheirValues(String literal, String expected) throws Exception {
            assertThat(type(literal)).isEqualTo(expected);
        }

        @Test
        void integersBeyondALongParseAsRuleBodiesArrayItemsAndOccurrenceLookalikes() throws Exception {
            assertThat(rule("big = 18446744073709551616")).isEqualTo("big = 18446744073709551616");
            assertThat(type("[-18446744073709551617, 99999999999999999999]"))
                    .isEqualTo("[-18446744073709551617, 99999999999999999999]");
        }

        @Test
        void anOccurrenceBoundBeyondALongIsReported() {
            assertThat(syntaxError("a = [99999999999999999999* int]"))
                    .isEqualTo("1:26: number too large: 99999999999999999999");
        }

        @Test
        void numbersAreIntegersUnlessTheyHaveAFractionOrExponent() throws Exception {
            TypeExpr.Value integer = (TypeExpr.Value) onlyType("a = 10");
            TypeExpr.Value floating = (TypeExpr.Value) onlyType("a = 10.0");

            assertThat(integer.literal()).isInstanceOf(Literal.IntegerLiteral.class);
            assertThat(floating.literal()).isEqualTo(new Literal.FloatLiteral(10.0));
        }

        @Test
        void textStringsTakeJsonEscapesAndBracedUnicode() throws Exception {
            TypeExpr.Value text = (TypeExpr.Value) onlyType(
                    "a = \"q\\\"b\\\\s\\/n\\nt\\tr\\rb\\bf\\f\\u00e9\\u{1F600}\\uD83D\\uDE00'\"");

            assertThat(text.literal()).isEqualTo(new Literal.TextLiteral("q\"b\\s/n\nt\tr\rb\bf\fé😀😀'"));
        }

        @Test
        void hexByteStringsMayHoldSpacesNewlinesAndComments() throws Exception {
            assertThat(type("""
                    h'01 02 ; a comment inside
                      0a FF'""")).isEqualTo("h'01020aff'");
        }

        @Test
        void base64ByteStringsTakeBothAlphabetsWithOrWithoutPadding() throws Exception {
            assertThat(type("b64'AQID'")).isEqualTo("h'010203'");
            assertThat(type("b64'+/8='")).isEqualTo("h'fbff'");
            assertThat(type("b64'-_8'")).isEqualTo("h'fbff'");
            assertThat(type("b64'AQ ID'")).isEqualTo("h'010203'");
        }

        @Test
        void quotedByteStringsAreTheUtf8OfTheirText() throws Exception {
            assertThat(type("'abc'")).isEqualTo("h'616263'");
            assertThat(type("'it\\'s é'")).isEqualTo("h'6974277320c3a9'");
            assertThat(type("''")).isEqualTo("h''");
        }

        @Test
        void anIdentifierStartingWithHOrB64IsANameUnlessAQuoteFollows() throws Exception {
            assertThat(type("h / b64 / hex / h'00'")).isEqualTo("(/ h b64 hex h'00')");
        }

        private static TypeExpr onlyType(String source) throws CddlSyntaxException {
            return CddlParser.parse(source).getFirst().body().value();
        }
    }

    // --- comments -----------------------------------------------------------------------------------------

    @Test
    void commentsMayStandAnywhereWhitespaceMay() throws Exception {
        List<Rule> rules = CddlParser.parse("""
                ; leading comment
                m ; after the name
                  = ; after the assignment
                  { ; after the brace
                    ? ; after the occurrence
                    x ; after the key
                    : ; after the colon
                    int ; after the type
                    , ; after the comma
                    * tstr => any ; last
                  } ; after the map
                g<t ; in parameters
                  > = [t] ; trailing""");

        assertThat(rules).extracting(CddlParserTest::rule).containsExactly(
                "m = {0*1 \"x\" ^=> int, 0* tstr => any}",
                "g<t> = [t]");
    }

    @Test
    void aCommentMayEndTheSourceWithoutANewline() throws Exception {
        assertThat(rule("a = int ; no newline")).isEqualTo("a = int");
    }

    // --- syntax errors ------------------------------------------------------------------------------------

    @Nested
    class SyntaxErrors {

        @Test
        void anUnclosedMapNamesWhereItWasOpened() {
            assertThat(syntaxError("a = {\n  x: int\n")).isEqualTo(
                    "3:1: expected '}' to close the map opened at 1:5, found the end of the schema");
        }

        @Test
        void anUnclosedArrayNamesWhereItWasOpened() {
            assertThat(syntaxError("a = [int, tstr")).isEqualTo(
                    "1:15: expected ']' to close the array opened at 1:5, found the end of the schema");
        }

        @Test
        void anUnclosedParenthesisNamesWhereItWasOpened() {
            assertThat(syntaxError("a = (int / tstr\n")).isEqualTo(
                    "2:1: expected ')' to close the parenthesis opened at 1:5, found the end of the schema");
        }

        @Test
        void aMismatchedClosingBracketIsReported() {
            assertThat(syntaxError("a = [int}")).isEqualTo(
                    "1:9: expected ']' to close the array opened at 1:5, found '}'");
        }

        @Test
        void anUnclosedTagContentIsReported() {
            assertThat(syntaxError("a = #6.1(int")).isEqualTo(
                    "1:13: expected ')' to close the tag content opened at 1:9, found the end of the schema");
        }

        @Test
        void aTypeChoiceAsAMemberKeyNeedsParentheses() {
            assertThat(syntaxError("a = {int / tstr => any}")).isEqualTo("1:17: expected a type, found '='");
        }

        @Test
        void aMissingAssignmentIsReportedAfterTheName() {
            assertThat(syntaxError("a int")).isEqualTo("1:3: expected '=', '/=' or '//=' after the rule name a");
        }

        @Test
        void anUnclosedTextStringIsReportedWhereItStarts() {
            assertThat(syntaxError("a = \"abc\nb = 1\n")).isEqualTo("1:5: the text string that starts here is not closed");
        }

        @Test
        void anUnclosedByteStringIsReportedWhereItStarts() {
            assertThat(syntaxError("a = 1\nb = h'01 02")).isEqualTo("2:5: the byte string that starts here is not closed");
        }

        @Test
        void anUnknownEscapeIsReportedAtItsBackslash() {
            assertThat(syntaxError("a = \"a\\qb\"")).isEqualTo("1:7: unknown escape \\q in a text string");
        }

        @Test
        void aBadUnicodeEscapeIsReported() {
            assertThat(syntaxError("a = \"\\uZZZZ\"")).isEqualTo("1:8: not hexadecimal: ZZZZ");
        }

        @Test
        void aNonHexadecimalCharacterInAHexByteStringIsReported() {
            assertThat(syntaxError("a = h'0g'")).isEqualTo("1:5: h'' byte string holds 'g', which is not a hexadecimal digit");
        }

        @Test
        void anOddNumberOfHexDigitsIsReported() {
            assertThat(syntaxError("a = h'012'")).isEqualTo("1:5: h'' byte string has an odd number of hexadecimal digits");
        }

        @Test
        void aCharacterOutsideBase64IsReportedInsteadOfSkipped() {
            assertThat(syntaxError("a = b64'AQ!D'"))
                    .isEqualTo("1:5: b64'' byte string is not base64: Illegal base64 character 21");
        }

        @Test
        void anOccurrenceWithItsMaximumBelowItsMinimumIsReportedWhereItStarts() {
            assertThat(syntaxError("a = [3*2 int]")).isEqualTo("1:6: occurrence 3*2 has its maximum below its minimum");
        }

        @Test
        void aRuleNameStartingWithADigitIsReported() {
            assertThat(syntaxError("1a = int")).isEqualTo(
                    "1:1: expected a rule name, found '1' (names start with a letter, '@', '_' or '$')");
        }

        @Test
        void aSecondControlOperatorWithoutParenthesesIsReported() {
            assertThat(syntaxError("a = tstr .size 3 .regexp \"x\"")).isEqualTo(
                    "1:18: expected a rule name, found '.' (a type takes one range or control operator;"
                            + " parenthesize to combine them, as in tstr .size (1..3))");
        }

        @Test
        void aMissingTypeIsReported() {
            assertThat(syntaxError("a = [int, , int]")).isEqualTo("1:11: expected a type, found ','");
            assertThat(syntaxError("a =")).isEqualTo("1:4: expected a type, found the end of the schema");
        }

        @Test
        void aCutWithoutAnArrowIsReported() {
            assertThat(syntaxError("a = {tstr ^ int}")).isEqualTo("1:13: expected '=>' after '^'");
        }

        @Test
        void aMajorTypeArgumentBeyondSixtyFourBitsIsReported() {
            assertThat(syntaxError("a = #6.18446744073709551616(any)")).isEqualTo(
                    "1:28: a major type's argument is at most 18446744073709551615, not 18446744073709551616");
        }

        @Test
        void aMajorTypeAboveSevenIsReported() {
            assertThat(syntaxError("a = #8")).isEqualTo("1:7: major type 8 does not exist (0 to 7)");
        }

        @Test
        void hexadecimalAndBinaryPrefixesNeedDigits() {
            assertThat(syntaxError("a = 0x")).isEqualTo("1:7: expected hexadecimal digits");
            assertThat(syntaxError("a = 0b2")).isEqualTo("1:7: expected binary digits");
        }

        @Test
        void aHexadecimalFloatNeedsAnExponent() {
            assertThat(syntaxError("a = 0x1.8")).isEqualTo("1:10: a hexadecimal float needs an exponent ('p')");
        }

        @Test
        void anUnclosedGenericParameterListIsReported() {
            assertThat(syntaxError("p<a, b = [a]")).isEqualTo("1:8: expected '>', found '='");
        }

        @Test
        void aSourceWithoutRulesIsReported() {
            assertThat(syntaxError("; nothing but a comment\n")).isEqualTo("2:1: a CDDL schema needs at least one rule");
            assertThat(syntaxError("")).isEqualTo("1:1: a CDDL schema needs at least one rule");
        }

        @Test
        void columnsCountFromTheStartOfTheLineAfterComments() {
            assertThat(syntaxError("a = int ; comment\n; another\n  b = {")).isEqualTo(
                    "3:8: expected '}' to close the map opened at 3:7, found the end of the schema");
        }
    }
}
