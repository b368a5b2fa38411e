package dev.outageradar.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Heap figures of a benchmark run: the limit, the peak in use (garbage included), and the peak still live
 * right after a collection, sampled every {@link #SAMPLE_MS} ms: the live figure is the one that grows when
 * memory is not constant.
 */
public final class HeapWatch implements AutoCloseable {

    private static final long SAMPLE_MS = 50;

    public record Figures(long maxBytes, long peakUsedBytes, long peakLiveBytes) {
    }

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    private final Thread sampler;
    private volatile long peakLive;
    private volatile boolean running = true;

    private HeapWatch() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static HeapWatch start() {
        return new HeapWatch();
    }

    private void sample() {
        while (running) {
            long live = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                live += afterGc == null ? 0 : afterGc.getUsed();
            }
            peakLive = Math.max(peakLive, live);
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public Figures figures() {
        long peakUsed = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Figures(Runtime.getRuntime().maxMemory(), peakUsed, peakLive);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
