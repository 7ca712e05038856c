package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.cddl.syntax.GroupEntry;
import dev.runtape.schemas.cddl.syntax.GroupExpr;
import dev.runtape.schemas.cddl.syntax.Literal;
import dev.runtape.schemas.cddl.syntax.TypeExpr;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Short human renderings of schema types and instance values, for failure messages. */
final class Describe {

    private static final int MAX_TEXT = 40;

    /** A text that reads as a CDDL name: a member key or path segment shown without quotes. */
    private static final Pattern BAREWORD = Pattern.compile("[A-Za-z_$@][A-Za-z0-9_$@.-]*");

    private Describe() {
    }

    static String type(TypeExpr type) {
        return switch (type) {
            case TypeExpr.Choice c -> c.options().stream().map(Describe::type).collect(Collectors.joining(" / "));
            case TypeExpr.Value v -> v.literal().toString();
            case TypeExpr.Name n -> n.arguments().isEmpty() ? n.name()
                    : n.name() + n.arguments().stream().map(Describe::type).collect(Collectors.joining(", ", "<", ">"));
            case TypeExpr.MapOf m -> "map";
            case TypeExpr.ArrayOf a -> "array";
            case TypeExpr.Parenthesized p -> p.group().single()
                    .filter(e -> e.key().isEmpty() && e.occurrence().toString().isEmpty())
                    .map(e -> type(e.value())).orElseGet(() -> "(" + group(p.group()) + ")");
            case TypeExpr.Unwrap u -> "~" + type(u.name());
            case TypeExpr.Enumeration e -> "&" + type(e.group());
            case TypeExpr.MajorType t -> majorType(t);
            case TypeExpr.Range r -> type(r.low()) + (r.inclusive() ? ".." : "...") + type(r.high());
            case TypeExpr.Control c -> type(c.target()) + " ." + c.operator() + " " + type(c.controller());
        };
    }

    /** A group entry as written: {@code ? name: tstr}, {@code * tstr => any}, {@code 1: int}, {@code tstr ^ => int}. */
    static String entry(GroupEntry entry) {
        String occurrence = entry.occurrence().toString();
        String key = entry.key().map(Describe::memberKey).orElse("");
        return (occurrence.isEmpty() ? "" : occurrence + " ") + key + type(entry.value());
    }

    private static String memberKey(GroupEntry.MemberKey key) {
        if (key.cut() && key.type() instanceof TypeExpr.Value v) {
            return (v.literal() instanceof Literal.TextLiteral t && BAREWORD.matcher(t.value()).matches()
                    ? t.value() : v.literal().toString()) + ": ";
        }
        return type(key.type()) + (key.cut() ? " ^ => " : " => ");
    }

    static String group(GroupExpr group) {
        return group.choices().stream()
                .map(choice -> choice.stream().map(Describe::entry).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" // "));
    }

    private static String majorType(TypeExpr.MajorType t) {
        if (t.majorType().isEmpty()) {
            return "any";
        }
        String head = "#" + t.majorType().getAsLong()
                + (t.argument().isPresent() ? "." + Long.toUnsignedString(t.argument().getAsLong()) : "");
        return t.majorType().getAsLong() == 6 ? head + "(" + type(t.content()) + ")" : head;
    }

    static String value(CborValue value) {
        return switch (value) {
            case CborInteger i -> (i.value().signum() < 0 ? "nint " : "uint ") + i.value();
            case CborByteString b -> "bytes of length " + b.length();
            case CborTextString t -> "text " + quoted(t.value());
            case CborArray a -> "array of " + a.size() + (a.size() == 1 ? " item" : " items");
            case CborMap m -> "map of " + m.size() + (m.size() == 1 ? " entry" : " entries");
            case CborTag t -> "tag " + Long.toUnsignedString(t.tag());
            case CborFloat f -> "float " + f;
            case CborSimple s -> s.toString();
        };
    }

    /** A map key as a path segment: a plain name as itself, anything else in diagnostic notation. */
    static String key(CborValue key) {
        if (key instanceof CborTextString t && BAREWORD.matcher(t.value()).matches()) {
            return t.value();
        }
        return key instanceof CborTextString t ? quoted(t.value()) : key.toString();
    }

    private static String quoted(String text) {
        String shown = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
