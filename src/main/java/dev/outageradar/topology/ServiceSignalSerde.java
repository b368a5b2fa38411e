package dev.outageradar.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The repartition topic's values in a compact binary form: every complaint crosses it, and its JSON form
 * (field names, the kind spelled out) cost more to write and read than the rest of the signal's journey
 * in the profile of the offline run. Layout: a format byte, the kind's ordinal, then per kind: author,
 * text and topics for a complaint; author for a recovery; source, source time and the idle flag for a
 * tick. Values in the earlier JSON form (they start with '{', never a format byte) are still read, so
 * records in flight across an upgrade are not lost.
 */
final class ServiceSignalSerde implements Serde<ServiceSignal> {

    private static final byte FORMAT = 1;
    private static final ServiceSignal.Kind[] KINDS = ServiceSignal.Kind.values();

    private final Serde<ServiceSignal> json = JsonSerde.of(ServiceSignal.class);

    @Override
    public Serializer<ServiceSignal> serializer() {
        return (topic, signal) -> {
            if (signal == null) {
                return null;
            }
            CompactWriter out = new CompactWriter(64 + (signal.text() == null ? 0 : signal.text().length()))
                    .format(FORMAT)
                    .varlong(signal.kind().ordinal());
            switch (signal.kind()) {
                case COMPLAINT -> {
                    out.string(signal.author()).string(signal.text()).varlong(signal.topics().size());
                    signal.topics().forEach(out::string);
                }
                case RECOVERY -> out.string(signal.author());
                case TICK -> out.varlong(signal.source()).varlong(signal.sourceTime()).varlong(signal.idle() ? 1 : 0);
            }
            return out.toBytes();
        };
    }

    @Override
    public Deserializer<ServiceSignal> deserializer() {
        Deserializer<ServiceSignal> fromJson = json.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return fromJson.deserialize(topic, bytes);
            }
            CompactReader in = new CompactReader(bytes, "service signal on " + topic);
            byte format = in.format();
            if (format != FORMAT) {
                throw new SerializationException("service signal in unknown format " + format + " (topic " + topic + ")");
            }
            long kind = in.varlong();
            if (kind < 0 || kind >= KINDS.length) {
                throw new SerializationException("service signal of unknown kind " + kind + " (topic " + topic + ")");
            }
            ServiceSignal signal = switch (KINDS[(int) kind]) {
                case COMPLAINT -> {
                    String author = in.string();
                    String text = in.string();
                    int n = in.count();
                    List<String> topics = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        topics.add(in.string());
                    }
                    yield ServiceSignal.complaint(author, text, List.copyOf(topics));
                }
                case RECOVERY -> ServiceSignal.recovery(in.string());
                case TICK -> ServiceSignal.tick((int) in.varlong(), in.varlong(), in.varlong() != 0);
            };
            in.end();
            return signal;
        };
    }
}
