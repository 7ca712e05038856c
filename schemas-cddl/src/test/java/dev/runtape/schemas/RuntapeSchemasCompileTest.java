package dev.runtape.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuntapeSchemasCompileTest {

    @Test
    void everySchemaFileCompilesAndEveryEventTypeHasItsRule() {
        assertThat(RuntapeSchemas.schema().ruleNames())
                .containsAll(RuntapeSchemas.EVENT_TYPES)
                .contains(RuntapeSchemas.STATEMENT, RuntapeSchemas.CHECKPOINT, RuntapeSchemas.SIGNED_CHECKPOINT,
                        RuntapeSchemas.RECEIPT, RuntapeSchemas.KEY_SET, RuntapeSchemas.BUNDLE_MANIFEST,
                        RuntapeSchemas.STEP);
        for (String type : RuntapeSchemas.EVENT_TYPES) {
            assertThat(RuntapeSchemas.validator(type)).as(type).isNotNull();
        }
    }
}
