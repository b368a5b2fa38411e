package dev.outageradar.topology;

import dev.outageradar.alert.AlertEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Gives each alert record its CloudEvents headers just before the sink. A processor rather than a
 * serializer because headers belong to the record, and only the processor context knows the application id
 * that becomes {@code ce_source}.
 */
final class AlertCloudEventProcessor implements FixedKeyProcessor<String, AlertEvent, AlertEvent> {

    private FixedKeyProcessorContext<String, AlertEvent> context;

    @Override
    public void init(FixedKeyProcessorContext<String, AlertEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, AlertEvent> record) {
        context.forward(record.withHeaders(CloudEventHeaders.of(record.value(), context.applicationId())));
    }
}
