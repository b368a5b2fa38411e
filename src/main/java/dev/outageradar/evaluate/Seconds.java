package dev.outageradar.evaluate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Writes a duration as a plain number of seconds for fields named {@code *_s}: {@code 100}, or {@code 0.5}
 * when it is not whole. The shared mapper would write {@code 100.000000000}, which no one reading a report
 * wants, and changing the shared mapper would change the alert schema.
 */
final class Seconds extends StdSerializer<Duration> {

    Seconds() {
        super(Duration.class);
    }

    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value.getNano() == 0) {
            gen.writeNumber(value.getSeconds());
        } else {
            gen.writeNumber(BigDecimal.valueOf(value.getSeconds()).add(BigDecimal.valueOf(value.getNano(), 9))
                    .stripTrailingZeros().toPlainString());
        }
    }
}
