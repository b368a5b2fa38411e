package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.detect.WindowTally;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The repartition topic's signals and the open windows' tallies survive their compact binary form whole,
 * the form is deterministic, and values written as JSON by the earlier version are still read.
 */
class CompactSerdesTest {

    private static final String TOPIC = "outage-radar-complaints-by-service-repartition";
    private final ServiceSignalSerde signals = new ServiceSignalSerde();
    private final WindowTallySerde tallies = new WindowTallySerde();

    @Test
    void everyKindOfSignalReadsBackEqual() {
        List<ServiceSignal> cases = List.of(
                ServiceSignal.complaint("u42", "is spotify down?? ça ne marche pas 🎧", List.of("login", "playback")),
                ServiceSignal.complaint(null, null, List.of()),
                ServiceSignal.recovery("u7"),
                ServiceSignal.recovery(null),
                ServiceSignal.tick(2, 1_727_704_860_000L, true),
                ServiceSignal.tick(0, -1, false));

        for (ServiceSignal signal : cases) {
            byte[] bytes = signals.serializer().serialize(TOPIC, signal);
            assertThat(signals.deserializer().deserialize(TOPIC, bytes)).isEqualTo(signal);
        }
    }

    @Test
    void aComplaintIsFarSmallerThanItsJson() {
        ServiceSignal signal = ServiceSignal.complaint("u42", "is spotify down??", List.of("login"));

        int compact = signals.serializer().serialize(TOPIC, signal).length;
        int json = JsonSerde.of(ServiceSignal.class).serializer().serialize(TOPIC, signal).length;

        assertThat(compact).isEqualTo(1 + 1 + (1 + 3) + (1 + 17) + 1 + (1 + 5));
        assertThat(json).isGreaterThan(3 * compact);
    }

    @Test
    void aTallyReadsBackEqualAndEqualTalliesGiveEqualBytes() {
        WindowTally tally = new WindowTally("spotify", 1_727_704_800_000L, 1_727_704_860_000L, 37, 2,
                List.of("is spotify down??", "spotify not working"), Map.of("login", 12L, "payment", 3L, "app", 1L));
        WindowTally sameTopicsOtherOrder = new WindowTally("spotify", 1_727_704_800_000L, 1_727_704_860_000L, 37, 2,
                List.of("is spotify down??", "spotify not working"), Map.of("app", 1L, "payment", 3L, "login", 12L));

        byte[] bytes = tallies.serializer().serialize("open-windows-changelog", tally);

        assertThat(tallies.deserializer().deserialize("open-windows-changelog", bytes)).isEqualTo(tally);
        assertThat(tallies.serializer().serialize("open-windows-changelog", sameTopicsOtherOrder)).isEqualTo(bytes);
        assertThat(tallies.deserializer().deserialize("t", tallies.serializer().serialize("t",
                WindowTally.empty("x", 0, 60_000)))).isEqualTo(WindowTally.empty("x", 0, 60_000));
    }

    @Test
    void valuesWrittenAsJsonByTheEarlierVersionAreStillRead() {
        ServiceSignal signal = ServiceSignal.complaint("u1", "netflix down", List.of("playback"));
        WindowTally tally = new WindowTally("netflix", 60_000, 120_000, 3, 0, List.of("netflix down"),
                Map.of("playback", 3L));
        byte[] signalJson = JsonSerde.of(ServiceSignal.class).serializer().serialize(TOPIC, signal);
        byte[] tallyJson = JsonSerde.of(WindowTally.class).serializer().serialize("t", tally);

        assertThat(signals.deserializer().deserialize(TOPIC, signalJson)).isEqualTo(signal);
        assertThat(tallies.deserializer().deserialize("t", tallyJson)).isEqualTo(tally);
    }

    @Test
    void aTruncatedOrUnknownValueIsASerializationErrorNamingTheTopic() {
        byte[] bytes = signals.serializer().serialize(TOPIC, ServiceSignal.complaint("u1", "netflix down", List.of()));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        byte[] unknownFormat = "\u0009abc".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> signals.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
        assertThatThrownBy(() -> tallies.deserializer().deserialize("open-windows-changelog", unknownFormat))
                .isInstanceOf(SerializationException.class).hasMessageContaining("open-windows-changelog");
    }
}
