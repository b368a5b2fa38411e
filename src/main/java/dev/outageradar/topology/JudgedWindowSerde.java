package dev.outageradar.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * A judged window in about 18 bytes instead of about 80 as JSON: the window history holds one per service
 * and window (some 1,500 per service a day at one-minute windows), in the store and in its changelog.
 * Layout: a format byte, count and threshold as variable-length longs, expected as a double, score as a
 * float, then a flags byte. The format byte lets a later version change the layout and still read this one.
 */
final class JudgedWindowSerde implements Serde<JudgedWindow> {

    private static final byte FORMAT = 1;
    private static final int ANOMALOUS = 1;

    @Override
    public Serializer<JudgedWindow> serializer() {
        return (topic, window) -> {
            if (window == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 + ByteUtils.sizeOfVarlong(window.count()) + Double.BYTES
                    + ByteUtils.sizeOfVarlong(window.threshold()) + Float.BYTES + 1);
            buffer.put(FORMAT);
            ByteUtils.writeVarlong(window.count(), buffer);
            buffer.putDouble(window.expected());
            ByteUtils.writeVarlong(window.threshold(), buffer);
            buffer.putFloat((float) window.score());
            buffer.put((byte) (window.anomalous() ? ANOMALOUS : 0));
            return buffer.array();
        };
    }

    @Override
    public Deserializer<JudgedWindow> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte format = buffer.get();
            if (format != FORMAT) {
                throw new SerializationException("judged window in unknown format " + format + " (topic " + topic + ")");
            }
            long count = ByteUtils.readVarlong(buffer);
            double expected = buffer.getDouble();
            long threshold = ByteUtils.readVarlong(buffer);
            double score = buffer.getFloat();
            boolean anomalous = (buffer.get() & ANOMALOUS) != 0;
            return new JudgedWindow(count, expected, threshold, score, anomalous);
        };
    }
}
