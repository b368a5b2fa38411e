package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a plan minute by minute and hands every line to a sink in event-time order (give or take the plan's
 * late posts). Only one minute of posts is held at a time, so a month-long feed of millions of lines runs in
 * constant memory. All randomness comes from one generator seeded by the plan, so a plan always plays to the
 * same lines.
 */
public final class FeedSimulator {

    private static final Duration TICK = Duration.ofMinutes(1);
    /** Keeps the simulator's draws apart from the planner's, which start from the same seed. */
    private static final long SALT = 0x5DEECE66DL;

    private final SimulationPlan plan;
    private final Rng rng;
    private final RateModel rates;
    private final PostFactory posts;
    private final Noise[] noise;

    private FeedSimulator(SimulationPlan plan) {
        this.plan = plan;
        this.rng = new Rng(plan.seed() ^ SALT);
        this.rates = new RateModel(plan);
        this.posts = new PostFactory(rng);
        this.noise = plan.services().stream().map(s -> new Noise(rng)).toArray(Noise[]::new);
    }

    public static void run(SimulationPlan plan, Consumer<FeedLine> sink) {
        new FeedSimulator(plan).play(sink);
    }

    private void play(Consumer<FeedLine> sink) {
        LineEmitter emitter = new LineEmitter(plan, rng, sink);
        List<Draft> drafts = new ArrayList<>();
        for (Instant minute = plan.start(); minute.isBefore(plan.end()); minute = minute.plus(TICK)) {
            drafts.clear();
            draftMinute(minute, drafts);
            drafts.removeIf(d -> !d.createdAt().isBefore(plan.end()));
            // A stable sort: posts of the same second keep the order they were drawn in.
            drafts.sort(Comparator.comparing(Draft::createdAt));
            emitter.emit(drafts);
        }
    }

    private void draftMinute(Instant minute, List<Draft> drafts) {
        Instant middle = minute.plus(TICK.dividedBy(2));
        for (int i = 0; i < plan.services().size(); i++) {
            SimulatedService service = plan.services().get(i);
            for (RateModel.Rate rate : rates.rates(service, middle, noise[i].next(rng))) {
                int count = rng.poisson(rate.perMinute());
                for (int k = 0; k < count; k++) {
                    drafts.add(posts.draft(rate, minute.plusSeconds(rng.nextInt((int) TICK.toSeconds()))));
                }
            }
        }
    }
}
