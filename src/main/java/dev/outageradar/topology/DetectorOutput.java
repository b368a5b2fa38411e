package dev.outageradar.topology;

import dev.outageradar.detect.IncidentEvent;
import dev.outageradar.detect.WindowAssessment;

/** What the detector emits, split downstream into the counts topic and the alert topic. */
sealed interface DetectorOutput {

    record Counted(WindowAssessment assessment) implements DetectorOutput {
    }

    record Alerted(IncidentEvent event) implements DetectorOutput {
    }
}
