package dev.outageradar.bench;

import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.classify.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Classification alone, for the catalog-scaling row: the compiled matcher of a catalog of a given size
 * over texts about that catalog's own services (the synthetic feed's templates), so every size is asked
 * the same kind of question. Untimed passes over the texts first let the JIT compile the matcher.
 *
 * @param complaints how many of the texts were complaints about some service (a check that the matcher
 *                   recognised the generated names)
 */
public record ClassifyThroughput(int services, long texts, long nanos, long complaints, long compileNanos) {

    private static final int WARM_UP_PASSES = 3;

    public double perSecond() {
        return nanos == 0 ? 0 : texts * 1e9 / nanos;
    }

    public static ClassifyThroughput measure(ServiceCatalog catalog, int texts, long seed) {
        long compileStart = System.nanoTime();
        ComplaintMatcher matcher = ComplaintMatcher.compile(catalog);
        long compileNanos = System.nanoTime() - compileStart;
        List<String> names = catalog.services().stream().map(ServiceDefinition::name).toList();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> sample = new ArrayList<>(texts);
        for (int i = 0; i < texts; i++) {
            sample.add(SyntheticFeed.text(random, names));
        }
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            classifyAll(matcher, sample);
        }
        long start = System.nanoTime();
        long complaints = classifyAll(matcher, sample);
        return new ClassifyThroughput(catalog.services().size(), texts, System.nanoTime() - start, complaints,
                compileNanos);
    }

    private static long classifyAll(ComplaintMatcher matcher, List<String> texts) {
        long complaints = 0;
        for (String text : texts) {
            if (!matcher.classify(text).complaints().isEmpty()) {
                complaints++;
            }
        }
        return complaints;
    }
}
