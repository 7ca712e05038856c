package dev.runtape.ledger.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** Axon's messages get time-ordered ids through the service registration, and the ids keep their order. */
class TimeOrderedIdentifiersTest {

    @Test
    void axonFindsTheFactoryThroughItsServiceRegistration() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        String id = GenericEventMessage.asEventMessage("payload").getIdentifier();
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
    }

    @Test
    void idsMintedOneAfterAnotherSortInTheOrderTheyWereMintedAndNeverRepeat() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIdentifiers.next());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}
