package dev.runtape.projections.lineage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Pieces of JSON made once and copied as they are into a generator's output ({@link JsonGenerator#writeRaw}): a large
 * lineage answer is hundreds of thousands of small objects of a few fixed shapes, and writing each member and value
 * through the generator costs more than copying its bytes. Whoever writes fragments writes the separators between
 * them too, inside one array or object the generator opened and closes.
 */
final class JsonFragments {

    private JsonFragments() {
    }

    /** The JSON string of {@code text}: quotes and escapes included. */
    static String quoted(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    /** {@code fragment} ready to copy: encoded to UTF-8 on first use. */
    static SerializableString of(String fragment) {
        return new SerializedString(fragment);
    }

    /** One attribute as a member, {@code "name":value}, its name from {@code names}. */
    static void member(JsonGenerator json, String name, Object value, EncodedNames names) throws IOException {
        json.writeRaw(names.of(name));
        switch (value) {
            case Long number -> json.writeRaw(Long.toString(number));
            case Boolean flag -> json.writeRaw(flag ? "true" : "false");
            default -> string(json, value.toString());
        }
    }

    /** A JSON string value: most need no escape and are copied between quotes as they are, without a copy made. */
    private static void string(JsonGenerator json, String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) {
                json.writeRaw(quoted(text));
                return;
            }
        }
        json.writeRaw('"');
        json.writeRaw(text);
        json.writeRaw('"');
    }
}
