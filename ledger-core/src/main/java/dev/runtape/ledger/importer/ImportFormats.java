package dev.runtape.ledger.importer;

import dev.runtape.ledger.importer.aider.AiderFormat;
import dev.runtape.ledger.importer.atif.AtifFormat;
import dev.runtape.ledger.importer.claudecode.ClaudeCodeFormat;
import dev.runtape.ledger.importer.codex.CodexRolloutFormat;
import dev.runtape.ledger.importer.gemini.GeminiCliFormat;
import dev.runtape.ledger.importer.harbor.HarborTracesFormat;
import dev.runtape.ledger.importer.miniswe.MiniSweAgentFormat;
import dev.runtape.ledger.importer.opencua.AgentNetTrajectoryFormat;
import dev.runtape.ledger.importer.opencua.OpenCuaFormat;
import dev.runtape.ledger.importer.openhands.OpenHandsFormat;
import dev.runtape.ledger.importer.swebench.PredictionsFormat;
import dev.runtape.ledger.importer.sweagent.SweAgentFormat;
import dev.runtape.ledger.importer.vac.SignedRecordKeys;
import dev.runtape.ledger.importer.vac.VacRecordFormat;
import dev.runtape.ledger.importer.vac.VacSignedRecordFormat;
import java.util.List;

/** The formats Runtape imports, in one place: what detection chooses among and what {@code --format} may name. */
public final class ImportFormats {

    private ImportFormats() {
    }

    /** Every format; signed VAC records are refused, as no key is known to check them. */
    public static List<TrajectoryFormat> all() {
        return all(SignedRecordKeys.NONE);
    }

    /** Every format, signed VAC records checked against {@code keys}. */
    public static List<TrajectoryFormat> all(SignedRecordKeys keys) {
        return List.of(new SweAgentFormat(), new MiniSweAgentFormat(), new ClaudeCodeFormat(), new OpenHandsFormat(),
                new AtifFormat(), new HarborTracesFormat(), new CodexRolloutFormat(), new GeminiCliFormat(),
                new AiderFormat(), new OpenCuaFormat(), new AgentNetTrajectoryFormat(), new PredictionsFormat(),
                new VacRecordFormat(), new VacSignedRecordFormat(keys));
    }

    public static FormatDetector detector() {
        return new FormatDetector(all());
    }

    /** A detector that refuses files with a line over {@code lineLimit} bytes and checks signed records' keys. */
    public static FormatDetector detector(int lineLimit, SignedRecordKeys keys) {
        return new FormatDetector(all(keys), new SourceFileCheck(lineLimit));
    }
}
