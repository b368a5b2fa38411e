package dev.outageradar;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something a real broker or process does in its own time; a test never asserts how long. */
public final class Await {

    private static final long PAUSE_MS = 100;

    private Await() {
    }

    /** Checks {@code condition} until it holds; fails naming {@code what} once {@code deadline} has passed. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
