package dev.outageradar.simulate;

/**
 * A service as one feed plays it: the same name and handle, with this feed's ordinary daily volume of
 * complaints and of posts that merely mention it.
 */
public record SimulatedService(KnownService service, double complaintsPerDay, double mentionsPerDay) {

    public SimulatedService {
        if (complaintsPerDay < 0 || mentionsPerDay < 0) {
            throw new IllegalArgumentException("daily volumes must not be negative: " + service.id());
        }
    }

    public String id() {
        return service.id();
    }
}
