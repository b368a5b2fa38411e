package dev.outageradar.broker;

import org.apache.kafka.common.KafkaFuture;

import java.util.concurrent.ExecutionException;

/** Waits for an admin client result and unwraps it to Kafka's own exception, which callers catch by type. */
final class AdminFutures {

    private AdminFutures() {
    }

    static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
