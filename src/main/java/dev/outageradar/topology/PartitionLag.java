package dev.outageradar.topology;

import java.util.OptionalLong;

/**
 * How many records of an input partition this instance has not fetched yet. A posts partition only
 * stops holding back the closing of windows (goes idle) when it is both quiet and drained: quiet alone
 * (no post processed for a while) also happens to a partition whose posts are waiting behind a busy
 * thread, and closing windows ahead of them would count those posts as late.
 */
@FunctionalInterface
public interface PartitionLag {

    /** Offline, where the driver hands every record over itself: nothing is ever left unread. */
    PartitionLag NONE_UNREAD = (topic, partition) -> OptionalLong.of(0);

    /** @return the records not yet fetched, or empty while this instance does not know */
    OptionalLong unread(String topic, int partition);
}
