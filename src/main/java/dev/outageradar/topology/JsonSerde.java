package dev.outageradar.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outageradar.alert.JsonFormat;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A serde writing a record type in the project's JSON format (see {@link JsonFormat}). */
final class JsonSerde<T> implements Serde<T> {

    private final ObjectMapper mapper = JsonFormat.mapper();
    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(JsonFormat.mapper().constructType(type));
    }

    static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(JsonFormat.mapper().constructType(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return mapper.writerFor(type).writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type + " for topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return mapper.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type + " from topic " + topic, e);
            }
        };
    }
}
