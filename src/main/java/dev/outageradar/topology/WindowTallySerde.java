package dev.outageradar.topology;

import dev.outageradar.detect.WindowTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The open windows' tallies in a compact binary form: the store (and its changelog) is written on every
 * counted complaint, so its serializer runs once per post; as JSON it was one of the offline run's top
 * costs. Layout: a format byte, service, window start and end, complaints, recoveries, the samples, then
 * the topics with their counts in topic order (so equal tallies give equal bytes). Values in the earlier
 * JSON form (they start with '{') are still read, so state written by an earlier version restores.
 */
final class WindowTallySerde implements Serde<WindowTally> {

    private static final byte FORMAT = 1;

    private final Serde<WindowTally> json = JsonSerde.of(WindowTally.class);

    @Override
    public Serializer<WindowTally> serializer() {
        return (topic, tally) -> {
            if (tally == null) {
                return null;
            }
            int textSize = tally.samples().stream().mapToInt(String::length).sum();
            CompactWriter out = new CompactWriter(64 + textSize + 16 * tally.topics().size())
                    .format(FORMAT)
                    .string(tally.service())
                    .varlong(tally.windowStart())
                    .varlong(tally.windowEnd())
                    .varlong(tally.complaints())
                    .varlong(tally.recoveries())
                    .varlong(tally.samples().size());
            tally.samples().forEach(out::string);
            out.varlong(tally.topics().size());
            new TreeMap<>(tally.topics()).forEach((name, n) -> out.string(name).varlong(n));
            return out.toBytes();
        };
    }

    @Override
    public Deserializer<WindowTally> deserializer() {
        Deserializer<WindowTally> fromJson = json.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return fromJson.deserialize(topic, bytes);
            }
            CompactReader in = new CompactReader(bytes, "window tally on " + topic);
            byte format = in.format();
            if (format != FORMAT) {
                throw new SerializationException("window tally in unknown format " + format + " (topic " + topic + ")");
            }
            String service = in.string();
            long start = in.varlong();
            long end = in.varlong();
            long complaints = in.varlong();
            long recoveries = in.varlong();
            int sampleCount = in.count();
            List<String> samples = new ArrayList<>(sampleCount);
            for (int i = 0; i < sampleCount; i++) {
                samples.add(in.string());
            }
            int topicCount = in.count();
            Map<String, Long> topics = new HashMap<>();
            for (int i = 0; i < topicCount; i++) {
                topics.put(in.string(), in.varlong());
            }
            in.end();
            return new WindowTally(service, start, end, complaints, recoveries, List.copyOf(samples), Map.copyOf(topics));
        };
    }
}
