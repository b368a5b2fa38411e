package dev.outageradar.simulate;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a minute's drafts, sorted by event time, into feed lines: gives each post its id, lets a few arrive
 * late (their event time moved back by up to the plan's bound, so every line is at most that much older
 * than the newest line before it) and slips in the plan's broken lines.
 */
final class LineEmitter {

    /** Ids look like Twitter's: milliseconds since its epoch above a 22-bit sequence. */
    private static final long TWITTER_EPOCH_MILLIS = 1288834974657L;
    private static final long SEQUENCE_MASK = (1L << 22) - 1;

    private final SimulationPlan plan;
    private final Rng rng;
    private final Consumer<FeedLine> sink;
    private final Iterator<MalformedLine> malformed;
    private MalformedLine nextMalformed;
    private long sequence;

    LineEmitter(SimulationPlan plan, Rng rng, Consumer<FeedLine> sink) {
        this.plan = plan;
        this.rng = rng;
        this.sink = sink;
        this.malformed = plan.malformedLines().iterator();
        this.nextMalformed = malformed.hasNext() ? malformed.next() : null;
    }

    void emit(List<Draft> sortedDrafts) {
        for (Draft draft : sortedDrafts) {
            while (nextMalformed != null && !draft.createdAt().isBefore(nextMalformed.at())) {
                sink.accept(new MalformedPost(draft.toPost(nextId(draft.createdAt())), nextMalformed.defect()));
                nextMalformed = malformed.hasNext() ? malformed.next() : null;
            }
            Draft placed = rng.chance(plan.outOfOrderFraction()) ? late(draft) : draft;
            sink.accept(new SimulatedPost(placed.toPost(nextId(placed.createdAt())), placed.serviceId(), placed.kind()));
        }
    }

    private Draft late(Draft draft) {
        long seconds = 1 + rng.nextInt((int) plan.maxDisorder().toSeconds());
        Instant earlier = draft.createdAt().minusSeconds(seconds);
        return draft.withCreatedAt(earlier.isBefore(plan.start()) ? plan.start() : earlier);
    }

    private String nextId(Instant createdAt) {
        long millis = Math.max(0, createdAt.toEpochMilli() - TWITTER_EPOCH_MILLIS);
        return Long.toString((millis << 22) | (sequence++ & SEQUENCE_MASK));
    }
}
