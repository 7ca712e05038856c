package dev.runtape.schemas.cddl.syntax;

import dev.runtape.schemas.cddl.syntax.GroupEntry.MemberKey;
import dev.runtape.schemas.cddl.syntax.Literal.BytesLiteral;
import dev.runtape.schemas.cddl.syntax.Literal.FloatLiteral;
import dev.runtape.schemas.cddl.syntax.Literal.IntegerLiteral;
import dev.runtape.schemas.cddl.syntax.Literal.TextLiteral;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A recursive-descent parser of CDDL (RFC 8610 Appendix B). It works on characters directly: whitespace and
 * comments matter in a few places (names may contain dots and dashes, so {@code a.size} is one name and
 * {@code a .size} a control), which a separate tokenizer would have to know anyway.
 */
public final class CddlParser {

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    private CddlParser(String source) {
        this.src = source;
    }

    /**
     * The rules of a CDDL source, in order.
     *
     * @throws CddlSyntaxException at the first place that does not parse, with its line and column
     */
    public static List<Rule> parse(String source) throws CddlSyntaxException {
        CddlParser parser = new CddlParser(source);
        List<Rule> rules = new ArrayList<>();
        parser.skipSpace();
        while (!parser.atEnd()) {
            if (parser.peek('.')) {
                throw parser.error("expected a rule name, found '.' (a type takes one range or control operator;"
                        + " parenthesize to combine them, as in tstr .size (1..3))");
            }
            rules.add(parser.rule());
            parser.skipSpace();
        }
        if (rules.isEmpty()) {
            throw new CddlSyntaxException(parser.position(), "a CDDL schema needs at least one rule");
        }
        return rules;
    }

    // rule = typename [genericparm] S assignt S type / groupname [genericparm] S assigng S grpent
    private Rule rule() throws CddlSyntaxException {
        Position at = position();
        String name = identifier("a rule name");
        List<String> parameters = new ArrayList<>();
        if (peek('<')) {
            pos++;
            do {
                skipSpace();
                parameters.add(identifier("a generic parameter"));
                skipSpace();
            } while (accept(','));
            expect('>');
        }
        skipSpace();
        Rule.Assignment assignment;
        if (acceptText("//=")) {
            assignment = Rule.Assignment.ADD_GROUP_CHOICE;
        } else if (acceptText("/=")) {
            assignment = Rule.Assignment.ADD_TYPE_CHOICE;
        } else if (accept('=')) {
            assignment = Rule.Assignment.DEFINE;
        } else {
            throw error("expected '=', '/=' or '//=' after the rule name " + name);
        }
        skipSpace();
        GroupEntry body = groupEntry();
        return new Rule(at, name, parameters, assignment, body);
    }

    // group = grpchoice *(S "//" S grpchoice)
    private GroupExpr group(char closing) throws CddlSyntaxException {
        Position at = position();
        List<List<GroupEntry>> choices = new ArrayList<>();
        choices.add(groupChoice(closing));
        while (acceptText("//")) {
            skipSpace();
            choices.add(groupChoice(closing));
        }
        return new GroupExpr(at, choices);
    }

    // grpchoice = *(grpent optcom)
    private List<GroupEntry> groupChoice(char closing) throws CddlSyntaxException {
        List<GroupEntry> entries = new ArrayList<>();
        skipSpace();
        while (!atEnd() && !peek(')') && !peek(']') && !peek('}') && !peekText("//")) {
            entries.add(groupEntry());
            skipSpace();
            if (accept(',')) {
                skipSpace();
            }
        }
        return entries;
    }

    // grpent = [occur S] [memberkey S] type / [occur S] groupname [genericarg] / [occur S] "(" S group S ")"
    private GroupEntry groupEntry() throws CddlSyntaxException {
        Position at = position();
        Occurrence occurrence = occurrence();
        skipSpace();
        Optional<MemberKey> key = memberKey();
        skipSpace();
        TypeExpr value = type();
        return new GroupEntry(at, occurrence, key, value);
    }

    // occur = [uint] "*" [uint] / "+" / "?"
    private Occurrence occurrence() throws CddlSyntaxException {
        if (accept('?')) {
            return Occurrence.OPTIONAL;
        }
        if (accept('+')) {
            return Occurrence.AT_LEAST_ONCE;
        }
        Position at = position();
        int start = pos;
        long min = 0;
        if (peekDigit()) {
            while (peekDigit()) {
                pos++;
            }
            boolean isOccurrence = peek('*');
            pos = start;
            if (!isOccurrence) {
                return Occurrence.ONCE; // a number, not an occurrence: it may not fit a long
            }
            min = unsignedDigits();
        }
        if (accept('*')) {
            long max = peekDigit() ? unsignedDigits() : Long.MAX_VALUE;
            if (max < min) {
                throw new CddlSyntaxException(at, "occurrence " + min + "*" + max
                        + " has its maximum below its minimum");
            }
            return new Occurrence(min, max);
        }
        return Occurrence.ONCE;
    }

    // memberkey = type1 S ["^" S] "=>" / bareword S ":" / value S ":"
    private Optional<MemberKey> memberKey() throws CddlSyntaxException {
        int start = pos;
        int startLine = line;
        int startLineStart = lineStart;
        if (peekIdentifierStart()) {
            String word = identifier("a name");
            skipSpace();
            if (peek(':') && !peekText("::")) {
                pos++;
                return Optional.of(new MemberKey(new TypeExpr.Value(position(), new TextLiteral(word)), true));
            }
            restore(start, startLine, startLineStart);
        } else if (peekValueStart()) {
            Position at = position();
            Literal literal = literal();
            skipSpace();
            if (accept(':')) {
                return Optional.of(new MemberKey(new TypeExpr.Value(at, literal), true));
            }
            restore(start, startLine, startLineStart);
        }
        if (atEnd() || peek(')') || peek(']') || peek('}') || peek(',')) {
            return Optional.empty();
        }
        TypeExpr keyType = type1();
        skipSpace();
        boolean cut = accept('^');
        skipSpace();
        if (acceptText("=>")) {
            return Optional.of(new MemberKey(keyType, cut));
        }
        if (cut) {
            throw error("expected '=>' after '^'");
        }
        restore(start, startLine, startLineStart);
        return Optional.empty();
    }

    // type = type1 *(S "/" S type1)
    private TypeExpr type() throws CddlSyntaxException {
        Position at = position();
        List<TypeExpr> options = new ArrayList<>();
        options.add(type1());
        while (true) {
            int start = pos;
            int startLine = line;
            int startLineStart = lineStart;
            skipSpace();
            if (peek('/') && !peekText("//") && !peekText("/=")) {
                pos++;
                skipSpace();
                options.add(type1());
            } else {
                restore(start, startLine, startLineStart);
                break;
            }
        }
        return options.size() == 1 ? options.getFirst() : new TypeExpr.Choice(at, options);
    }

    // type1 = type2 [S (rangeop / ctlop) S type2]
    private TypeExpr type1() throws CddlSyntaxException {
        Position at = position();
        TypeExpr left = type2();
        int start = pos;
        int startLine = line;
        int startLineStart = lineStart;
        skipSpace();
        if (acceptText("...")) {
            skipSpace();
            return new TypeExpr.Range(at, left, type2(), false);
        }
        if (acceptText("..")) {
            skipSpace();
            return new TypeExpr.Range(at, left, type2(), true);
        }
        if (peek('.') && pos + 1 < src.length() && isIdentifierStart(src.charAt(pos + 1))) {
            pos++;
            String operator = identifier("a control operator");
            skipSpace();
            return new TypeExpr.Control(at, left, operator, type2());
        }
        restore(start, startLine, startLineStart);
        return left;
    }

    private TypeExpr type2() throws CddlSyntaxException {
        Position at = position();
        if (atEnd()) {
            throw error("expected a type, found the end of the schema");
        }
        char c = src.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                GroupExpr group = group(')');
                skipSpace();
                close(')', "the parenthesis", at);
                return new TypeExpr.Parenthesized(at, group);
            }
            case '{' -> {
                pos++;
                GroupExpr group = group('}');
                skipSpace();
                close('}', "the map", at);
                return new TypeExpr.MapOf(at, group);
            }
            case '[' -> {
                pos++;
                GroupExpr group = group(']');
                skipSpace();
                close(']', "the array", at);
                return new TypeExpr.ArrayOf(at, group);
            }
            case '~' -> {
                pos++;
                skipSpace();
                return new TypeExpr.Unwrap(at, name());
            }
            case '&' -> {
                pos++;
                skipSpace();
                if (peek('(')) {
                    Position open = position();
                    pos++;
                    GroupExpr group = group(')');
                    skipSpace();
                    close(')', "the parenthesis", open);
                    return new TypeExpr.Enumeration(at, new TypeExpr.Parenthesized(at, group));
                }
                return new TypeExpr.Enumeration(at, name());
            }
            case '#' -> {
                return majorType(at);
            }
            default -> {
                if (peekValueStart()) {
                    return new TypeExpr.Value(at, literal());
                }
                if (peekIdentifierStart()) {
                    return name();
                }
                throw error("expected a type, found '" + c + "'");
            }
        }
    }

    // "#" "6" ["." uint] "(" S type S ")" / "#" DIGIT ["." uint] / "#"
    private TypeExpr majorType(Position at) throws CddlSyntaxException {
        pos++;
        if (!peekDigit()) {
            return new TypeExpr.MajorType(at, OptionalLong.empty(), OptionalLong.empty(), TypeExpr.any(at));
        }
        long major = src.charAt(pos++) - '0';
        if (major > 7) {
            throw error("major type " + major + " does not exist (0 to 7)");
        }
        OptionalLong argument = OptionalLong.empty();
        if (peek('.') && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            argument = OptionalLong.of(argumentDigits());
        }
        TypeExpr content = TypeExpr.any(at);
        if (major == 6 && peek('(')) {
            Position open = position();
            pos++;
            skipSpace();
            content = type();
            skipSpace();
            close(')', "the tag content", open);
        }
        return new TypeExpr.MajorType(at, OptionalLong.of(major), argument, content);
    }

    private TypeExpr.Name name() throws CddlSyntaxException {
        Position at = position();
        String name = identifier("a name");
        List<TypeExpr> arguments = new ArrayList<>();
        if (peek('<')) {
            pos++;
            do {
                skipSpace();
                arguments.add(type1());
                skipSpace();
            } while (accept(','));
            expect('>');
        }
        return new TypeExpr.Name(at, name, arguments);
    }

    private Literal literal() throws CddlSyntaxException {
        char c = src.charAt(pos);
        if (c == '"') {
            return new TextLiteral(text());
        }
        if (c == '\'' || peekText("h'") || peekText("b64'")) {
            return new BytesLiteral(bytes());
        }
        return number();
    }

    private Literal number() throws CddlSyntaxException {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peekText("0x") || peekText("0X")) {
            pos += 2;
            int digits = pos;
            while (!atEnd() && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (digits == pos) {
                throw error("expected hexadecimal digits");
            }
            boolean fraction = peek('.') && pos + 1 < src.length() && Character.digit(src.charAt(pos + 1), 16) >= 0;
            if (fraction || peek('p') || peek('P')) {
                return hexFloat(start); // not at "..", which is a range: 0x10..0xff
            }
            BigInteger value = new BigInteger(src.substring(digits, pos), 16);
            return new IntegerLiteral(src.charAt(start) == '-' ? value.negate() : value);
        }
        if (peekText("0b") || peekText("0B")) {
            pos += 2;
            int digits = pos;
            while (peek('0') || peek('1')) {
                pos++;
            }
            if (digits == pos) {
                throw error("expected binary digits");
            }
            BigInteger value = new BigInteger(src.substring(digits, pos), 2);
            return new IntegerLiteral(src.charAt(start) == '-' ? value.negate() : value);
        }
        if (!peekDigit()) {
            throw error("expected a number");
        }
        while (peekDigit()) {
            pos++;
        }
        boolean isFloat = false;
        if (peek('.') && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
            isFloat = true;
            pos++;
            while (peekDigit()) {
                pos++;
            }
        }
        if (peek('e') || peek('E')) {
            int mark = pos;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (peekDigit()) {
                isFloat = true;
                while (peekDigit()) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        String text = src.substring(start, pos);
        return isFloat ? new FloatLiteral(Double.parseDouble(text)) : new IntegerLiteral(new BigInteger(text));
    }

    private Literal hexFloat(int start) throws CddlSyntaxException {
        if (accept('.')) {
            while (!atEnd() && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
        }
        if (!(accept('p') || accept('P'))) {
            throw error("a hexadecimal float needs an exponent ('p')");
        }
        if (peek('+') || peek('-')) {
            pos++;
        }
        if (!peekDigit()) {
            throw error("expected the exponent of a hexadecimal float");
        }
        while (peekDigit()) {
            pos++;
        }
        return new FloatLiteral(Double.parseDouble(src.substring(start, pos)));
    }

    private String text() throws CddlSyntaxException {
        Position opened = position();
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new CddlSyntaxException(opened, "the text string that starts here is not closed");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\n') {
                newLine();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            Position escape = new Position(line, pos - lineStart);
            if (atEnd()) {
                throw error("a text string ends in an escape");
            }
            char e = src.charAt(pos++);
            switch (e) {
                case '"', '\\', '/', '\'' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw new CddlSyntaxException(escape, "unknown escape \\" + e + " in a text string");
            }
        }
    }

    private String unicodeEscape() throws CddlSyntaxException {
        if (accept('{')) {
            int start = pos;
            while (!atEnd() && !peek('}')) {
                pos++;
            }
            expect('}');
            return Character.toString(parseHex(src.substring(start, pos - 1)));
        }
        if (pos + 4 > src.length()) {
            throw error("\\u needs four hexadecimal digits");
        }
        int code = parseHex(src.substring(pos, pos + 4));
        pos += 4;
        return String.valueOf((char) code);
    }

    private int parseHex(String digits) throws CddlSyntaxException {
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            throw error("not hexadecimal: " + digits);
        }
    }

    private byte[] bytes() throws CddlSyntaxException {
        Position opened = position();
        String qualifier = "";
        if (acceptText("h")) {
            qualifier = "h";
        } else if (acceptText("b64")) {
            qualifier = "b64";
        }
        expect('\'');
        StringBuilder content = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new CddlSyntaxException(opened, "the byte string that starts here is not closed");
            }
            char c = src.charAt(pos++);
            if (c == '\'') {
                break;
            }
            if (c == '\n') {
                newLine();
            }
            if (c == '\\' && !atEnd()) {
                c = src.charAt(pos++);
            }
            content.append(c);
        }
        String compact = content.toString().replaceAll("\\s|;[^\\n]*", "");
        return switch (qualifier) {
            case "h" -> decodeHex(compact, opened);
            case "b64" -> decodeBase64(compact, opened);
            default -> content.toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] decodeHex(String digits, Position opened) throws CddlSyntaxException {
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new CddlSyntaxException(opened, "h'' byte string holds '" + digits.charAt(i)
                        + "', which is not a hexadecimal digit");
            }
        }
        if (digits.length() % 2 != 0) {
            throw new CddlSyntaxException(opened, "h'' byte string has an odd number of hexadecimal digits");
        }
        return HexFormat.of().parseHex(digits);
    }

    private static byte[] decodeBase64(String text, Position opened) throws CddlSyntaxException {
        // RFC 8610 §G.2: b64'' takes both the standard and the URL-safe alphabet, padding optional. The basic
        // decoder (unlike the MIME one) refuses any other character instead of skipping it.
        try {
            return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new CddlSyntaxException(opened, "b64'' byte string is not base64: " + e.getMessage());
        }
    }

    // id = EALPHA *(*("-" / ".") (EALPHA / DIGIT))
    private String identifier(String what) throws CddlSyntaxException {
        if (!peekIdentifierStart()) {
            throw error("expected " + what + (atEnd() ? ", found the end of the schema"
                    : ", found '" + src.charAt(pos) + "'"
                            + (peekDigit() ? " (names start with a letter, '@', '_' or '$')" : "")));
        }
        int start = pos++;
        while (!atEnd()) {
            int look = pos;
            while (look < src.length() && (src.charAt(look) == '-' || src.charAt(look) == '.')) {
                look++;
            }
            if (look < src.length() && (isIdentifierStart(src.charAt(look)) || Character.isDigit(src.charAt(look)))) {
                pos = look + 1;
            } else {
                break;
            }
        }
        return src.substring(start, pos);
    }

    private long unsignedDigits() throws CddlSyntaxException {
        int start = pos;
        while (peekDigit()) {
            pos++;
        }
        try {
            return Long.parseLong(src.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("number too large: " + src.substring(start, pos));
        }
    }

    /** The argument of a major type: up to 2^64-1, held in a long as an unsigned value. */
    private long argumentDigits() throws CddlSyntaxException {
        int start = pos;
        while (peekDigit()) {
            pos++;
        }
        try {
            return Long.parseUnsignedLong(src.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("a major type's argument is at most 18446744073709551615, not " + src.substring(start, pos));
        }
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@' || c == '_' || c == '$';
    }

    private boolean peekIdentifierStart() {
        return !atEnd() && isIdentifierStart(src.charAt(pos)) && !peekText("h'") && !peekText("b64'");
    }

    private boolean peekValueStart() {
        if (atEnd()) {
            return false;
        }
        char c = src.charAt(pos);
        return c == '"' || c == '\'' || Character.isDigit(c) || peekText("h'") || peekText("b64'")
                || (c == '-' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)));
    }

    private boolean peekDigit() {
        return !atEnd() && Character.isDigit(src.charAt(pos));
    }

    /** Skips whitespace and comments ({@code ;} to the end of the line). */
    private void skipSpace() {
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (c == ';') {
                while (!atEnd() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                pos++;
                newLine();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void newLine() {
        line++;
        lineStart = pos;
    }

    private void restore(int position, int savedLine, int savedLineStart) {
        pos = position;
        line = savedLine;
        lineStart = savedLineStart;
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private boolean peek(char c) {
        return !atEnd() && src.charAt(pos) == c;
    }

    private boolean peekText(String text) {
        return src.startsWith(text, pos);
    }

    private boolean accept(char c) {
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptText(String text) {
        if (peekText(text)) {
            pos += text.length();
            return true;
        }
        return false;
    }

    /** Expects the delimiter that closes what was opened at {@code openedAt}: a missing one names the opening. */
    private void close(char c, String what, Position openedAt) throws CddlSyntaxException {
        if (!accept(c)) {
            throw error("expected '" + c + "' to close " + what + " opened at " + openedAt
                    + (atEnd() ? ", found the end of the schema" : ", found '" + src.charAt(pos) + "'"));
        }
    }

    private void expect(char c) throws CddlSyntaxException {
        if (!accept(c)) {
            throw error("expected '" + c + "'" + (atEnd() ? ", found the end of the schema"
                    : ", found '" + src.charAt(pos) + "'"));
        }
    }

    private Position position() {
        return new Position(line, pos - lineStart + 1);
    }

    private CddlSyntaxException error(String message) {
        return new CddlSyntaxException(position(), message);
    }
}
