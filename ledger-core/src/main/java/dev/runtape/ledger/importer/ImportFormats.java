package dev.runtape.ledger.importer;

import dev.runtape.ledger.importer.aider.AiderFormat;
import dev.runtape.ledger.importer.atif.AtifFormat;
import dev.runtape.ledger.importer.claudecode.ClaudeCodeFormat;
import dev.runtape.ledger.importer.codex.CodexRolloutFormat;
import dev.runtape.ledger.importer.gemini.GeminiCliFormat;
import dev.runtape.ledger.importer.miniswe.MiniSweAgentFormat;
import dev.runtape.ledger.importer.opencua.OpenCuaFormat;
import dev.runtape.ledger.importer.openhands.OpenHandsFormat;
import dev.runtape.ledger.importer.sweagent.SweAgentFormat;
import dev.runtape.ledger.importer.vac.VacRecordFormat;
import java.util.List;

/** The formats Runtape imports, in one place: what detection chooses among and what {@code --format} may name. */
public final class ImportFormats {

    private ImportFormats() {
    }

    public static List<TrajectoryFormat> all() {
        return List.of(new SweAgentFormat(), new MiniSweAgentFormat(), new ClaudeCodeFormat(), new OpenHandsFormat(),
                new AtifFormat(), new CodexRolloutFormat(), new GeminiCliFormat(), new AiderFormat(),
                new OpenCuaFormat(), new VacRecordFormat());
    }

    public static FormatDetector detector() {
        return new FormatDetector(all());
    }

    /** A detector that refuses files with a line over {@code lineLimit} bytes. */
    public static FormatDetector detector(int lineLimit) {
        return new FormatDetector(all(), new SourceFileCheck(lineLimit));
    }
}
