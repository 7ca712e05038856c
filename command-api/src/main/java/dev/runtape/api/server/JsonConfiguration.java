package dev.runtape.api.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.cbor.MappingJackson2CborHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The API's JSON (and CBOR) members are kebab-case like the schemas' ({@code application.yaml}); digests travel as
 * hex strings, as people read and paste them.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer digestsAsHex() {
        SimpleModule module = new SimpleModule("runtape-digests");
        module.addSerializer(Digest.class, new JsonSerializer<>() {
            @Override
            public void serialize(Digest digest, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(digest.hex());
            }
        });
        module.addDeserializer(Digest.class, new JsonDeserializer<>() {
            @Override
            public Digest deserialize(JsonParser in, DeserializationContext context) throws IOException {
                try {
                    return Digest.ofHex(in.getValueAsString(""));
                } catch (FormatException e) {
                    return (Digest) context.handleWeirdStringValue(Digest.class, in.getText(), e.getMessage());
                }
            }
        });
        return builder -> builder.modulesToInstall(module);
    }

    /**
     * CBOR ({@code application/cbor}) beside JSON, in both directions, from the same configured builder: the same
     * member names, digests and refusal of unknown members. Spring MVC's own CBOR converter would use a mapper
     * without them.
     */
    @Bean
    public MappingJackson2CborHttpMessageConverter cbor(Jackson2ObjectMapperBuilder builder) {
        return new MappingJackson2CborHttpMessageConverter(builder.createXmlMapper(false).factory(new CBORFactory())
                .build());
    }
}
