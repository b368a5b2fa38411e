package dev.outageradar.topology;

import java.util.List;

/**
 * What crosses the repartition topic: keyed by service id, a complaint or recovery post about that
 * service; or a tick, which carries no service but the event-time progress of one posts partition and is
 * sent to every downstream partition (see {@link TickBroadcastPartitioner} and {@link SourceClock}).
 *
 * @param source     for a tick: the posts partition it reports on
 * @param sourceTime for a tick: that partition's stream time, -1 when it has seen no post yet
 * @param idle       for a tick: the partition has had no post for a while and must not hold back time
 */
record ServiceSignal(Kind kind, String author, String text, List<String> topics, int source, long sourceTime,
                     boolean idle) {

    enum Kind { COMPLAINT, RECOVERY, TICK }

    static final String TICK_KEY = "";

    static ServiceSignal complaint(String author, String text, List<String> topics) {
        return new ServiceSignal(Kind.COMPLAINT, author, text, topics, -1, -1, false);
    }

    static ServiceSignal recovery(String author) {
        return new ServiceSignal(Kind.RECOVERY, author, null, List.of(), -1, -1, false);
    }

    static ServiceSignal tick(int source, long sourceTime, boolean idle) {
        return new ServiceSignal(Kind.TICK, null, null, List.of(), source, sourceTime, idle);
    }
}
