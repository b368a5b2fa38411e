package dev.outageradar.detect;

/**
 * What the newest windows of a service say over one scale: their complaints against what was expected.
 *
 * @param windows   the scale, in windows
 * @param score     {@code -log10} of the tail probability under the scale's learned noise
 * @param anomalous whether it passes every bar: min count, min ratio and min score
 */
public record Evidence(int windows, long count, double expected, double score, boolean anomalous) {

    public double ratio() {
        return count / expected;
    }
}
