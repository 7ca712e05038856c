package dev.runtape.ledger.importer;

import com.fasterxml.jackson.databind.JsonNode;

/** Chat messages as OpenAI-style formats write their content: text, or a list of parts with text. */
public final class Messages {

    private Messages() {
    }

    /** The text of a content: a string as it is, the parts' texts joined, anything else as JSON. */
    public static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                text.append(part.isTextual() ? part.textValue() : part.path("text").asText(""));
            }
            return text.toString();
        }
        return content.isMissingNode() || content.isNull() ? "" : content.toString();
    }
}
