package dev.outageradar.topology;

import dev.outageradar.post.ParseResult;
import dev.outageradar.post.PostTimestampExtractor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Parses posts inside the topology, from bytes, rather than in a deserializer: a bad record then becomes
 * an ordinary record routed to the dead-letter topic, with its reason, instead of an exception that stops
 * the application (the default deserialization handler's behaviour). A post whose time the extractor
 * refused (too far in the future) is rejected here too, so it reaches the dead-letter topic.
 */
final class ParsePostProcessor implements Processor<byte[], byte[], byte[], ParsedPost> {

    private final PostTimestampExtractor eventTimes;
    private final PipelineMetrics metrics;
    private ProcessorContext<byte[], ParsedPost> context;

    /** @param eventTimes the source's extractor: it parses with the parse step's settings and remembers the result */
    ParsePostProcessor(PostTimestampExtractor eventTimes, PipelineMetrics metrics) {
        this.eventTimes = eventTimes;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], ParsedPost> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        metrics.post();
        ParseResult result = eventTimes.parse(record.value());
        if (result instanceof ParseResult.Parsed parsed) {
            result = eventTimes.confirm(parsed, record.timestamp());
        }
        if (result instanceof ParseResult.Parsed parsed) {
            context.forward(record.withValue(new ParsedPost.Accepted(parsed.post())));
        } else if (result instanceof ParseResult.Rejected rejected) {
            metrics.deadLetter(rejected.reason());
            var headers = DeadLetterHeaders.add(new RecordHeaders(record.headers().toArray()), rejected.reason(),
                    rejected.detail(), context.recordMetadata());
            DeadLetterSize.Letter letter = DeadLetterSize.fit(record.key(), record.value(), headers);
            context.forward(record.withKey(letter.key())
                    .withValue((ParsedPost) new ParsedPost.Rejected(letter.value()))
                    .withHeaders(letter.headers()));
        }
    }
}
