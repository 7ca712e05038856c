package dev.runtape.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.schemas.RuntapeSchemas;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    @Test
    void theJavaCatalogueNamesExactlyTheEventTypesTheSchemasDefine() {
        assertThat(EventCatalogue.eventTypes()).containsExactlyElementsOf(RuntapeSchemas.EVENT_TYPES);
    }

    @Test
    void eachEventTypeMapsToItsRecordAndBack() {
        for (String type : EventCatalogue.eventTypes()) {
            Class<? extends Record> payloadType = EventCatalogue.payloadType(type).orElseThrow();
            assertThat(payloadType.getSimpleName()).isEqualTo(type);
        }
        assertThat(EventCatalogue.payloadType("NoSuchEvent")).isEmpty();
        assertThat(EventCatalogue.eventType("not an event")).isEmpty();
    }
}
