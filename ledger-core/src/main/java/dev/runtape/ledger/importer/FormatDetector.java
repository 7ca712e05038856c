package dev.runtape.ledger.importer;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Picks the format of a file: the one named by {@code --format}, or else the one most sure of it. A file no format
 * claims, or that two claim equally, is refused with every format's confidence, so the caller can name one.
 */
public final class FormatDetector {

    private final List<TrajectoryFormat> formats;
    private final SourceFileCheck check;

    /** A detector that refuses lines over {@link SourceFileCheck#DEFAULT_LINE_LIMIT}. */
    public FormatDetector(List<TrajectoryFormat> formats) {
        this(formats, new SourceFileCheck(SourceFileCheck.DEFAULT_LINE_LIMIT));
    }

    public FormatDetector(List<TrajectoryFormat> formats, SourceFileCheck check) {
        this.formats = List.copyOf(formats);
        this.check = check;
    }

    public List<TrajectoryFormat> formats() {
        return formats;
    }

    /**
     * The format to read the file with.
     *
     * @param explicit a format's name as {@code --format} gives it, or null to detect it
     * @throws ImportException if the file is empty, not UTF-8 or has a line over the limit, if the named format is
     *     unknown, or if no single format is the most sure of the file
     */
    public TrajectoryFormat choose(SourceFile source, @Nullable String explicit) throws ImportException {
        check.checkNotEmpty(source);
        TrajectoryFormat format;
        try {
            format = named(source, explicit);
        } catch (ImportException unrecognised) {
            if (explicit == null) {
                check.checkText(source); // a bad byte or a runaway line says more than "no format recognises it"
            }
            throw unrecognised;
        }
        if (format.text()) {
            check.checkText(source);
        }
        return format;
    }

    private TrajectoryFormat named(SourceFile source, @Nullable String explicit) throws ImportException {
        if (explicit != null) {
            for (TrajectoryFormat format : formats) {
                if (format.name().equals(explicit)) {
                    return format;
                }
            }
            throw new ImportException(source.path(), "--format", "expected one of " + names() + ", found \""
                    + explicit + "\"");
        }
        List<Scored> scored = formats.stream().map(format -> new Scored(format, format.detect(source)))
                .sorted(Comparator.comparingDouble(Scored::confidence).reversed()).toList();
        Scored best = scored.getFirst();
        if (best.confidence() <= 0) {
            throw new ImportException(source.path(), "format detection", "expected a file of one of " + names()
                    + ", found none that any of them recognises; name one with --format");
        }
        if (scored.size() > 1 && scored.get(1).confidence() == best.confidence()) {
            throw new ImportException(source.path(), "format detection", "expected one format to be the most sure, "
                    + "found a tie: " + describe(scored) + "; name one with --format");
        }
        return best.format();
    }

    /** Reads the file with the chosen format. */
    public ImportedTrajectory read(SourceFile source, @Nullable String explicit) throws ImportException {
        return choose(source, explicit).read(source);
    }

    private String names() {
        return formats.stream().map(TrajectoryFormat::name).collect(Collectors.joining(", "));
    }

    private static String describe(List<Scored> scored) {
        return scored.stream().filter(s -> s.confidence() > 0)
                .map(s -> s.format().name() + " " + String.format(Locale.ROOT, "%.2f", s.confidence()))
                .collect(Collectors.joining(", "));
    }

    private record Scored(TrajectoryFormat format, double confidence) {
    }
}
