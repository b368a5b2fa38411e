package dev.outageradar.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap figures of a benchmark run: the peak in use, garbage included (what the heap limit must allow), and
 * what is still live once a full collection has run (what grows when memory is not constant). The collector
 * lets the old generation fill to almost half the heap before it looks, so only a forced collection tells
 * the live set.
 */
public final class HeapWatch {

    public record Figures(long maxBytes, long peakUsedBytes, long liveBytes) {
    }

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();

    private HeapWatch() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public static HeapWatch start() {
        return new HeapWatch();
    }

    /** The peak since start, and the live set now: call while the measured work still holds its state. */
    public Figures figures() {
        long peakUsed = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return new Figures(runtime.maxMemory(), peakUsed, runtime.totalMemory() - runtime.freeMemory());
    }
}
