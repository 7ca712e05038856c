package dev.runtape.api.testing;

import java.util.Arrays;
import java.util.Optional;

/** One scrape of {@code /actuator/prometheus}, read sample by sample. */
public record Scrape(String text) {

    /**
     * The value of the first sample named {@code name} that has every label of {@code labels} ({@code key="value"}
     * pairs as they appear in the text), if any.
     */
    public Optional<Double> sample(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** A counter's value, 0 while it has not been registered yet. */
    public double counter(String name, String... labels) {
        return sample(name, labels).orElse(0.0);
    }
}
