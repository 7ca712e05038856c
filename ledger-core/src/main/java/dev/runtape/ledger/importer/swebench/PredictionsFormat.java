package dev.runtape.ledger.importer.swebench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.JsonInput;
import dev.runtape.ledger.importer.Models;
import dev.runtape.ledger.importer.RecordGroup;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * SWE-bench predictions: per instance its {@code instance_id}, {@code model_name_or_path} and {@code model_patch},
 * as mini-swe-agent's {@code preds.json} (an object keyed by instance id), SWE-agent's {@code all_preds.jsonl} (one
 * per line) or a JSON array. A prediction is what a run submitted without the run itself: a trajectory whose final
 * diff is the patch, whose one step is a "prediction" system event naming the model, and whose outcome is unknown
 * until the patch is evaluated. A prediction without a patch keeps that as its blocker. {@code model_name_or_path} is
 * the model when it names one ("anthropic/claude-sonnet-4-20250514"); SWE-agent writes its run's name there
 * ({@code gpt4__swe-bench-dev...}, double underscores), which names no model.
 */
public final class PredictionsFormat implements TrajectoryFormat {

    public static final String NAME = "swe-bench-predictions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(4096);
        String start = head.stripLeading();
        if (!head.contains("\"model_patch\"") || !head.contains("\"instance_id\"") || head.contains("\"history\"")
                || !(start.startsWith("{") || start.startsWith("["))) {
            return 0;
        }
        return source.name().contains("preds") ? 0.9 : 0.7;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        List<Prediction> predictions = predictions(source);
        List<ImportedTrajectory> runs = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            runs.add(trajectory(source, predictions.get(i), RecordGroup.childId(NAME, source, predictions.size(),
                    i + 1)));
        }
        return RecordGroup.of(source, NAME, "swe-bench", "prediction", runs,
                run -> run.taskId() + (run.finalDiff() == null ? ": no patch" : ": patch"));
    }

    private record Prediction(JsonNode value, String at) {
    }

    private static List<Prediction> predictions(SourceFile source) throws ImportException {
        List<Prediction> predictions = new ArrayList<>();
        String text = source.text().strip();
        String firstLine = text.lines().findFirst().orElse("");
        boolean severalLines = text.lines().filter(line -> !line.isBlank()).count() > 1;
        if (severalLines && !text.startsWith("[") && JsonInput.embedded(firstLine) != null) { // one per line
            for (JsonInput.Line line : JsonInput.lines(source)) {
                predictions.add(new Prediction(line.value(), line.at()));
            }
            return predictions;
        }
        JsonNode root = JsonInput.document(source);
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                predictions.add(new Prediction(root.get(i), "$[" + i + "]"));
            }
        } else if (root.isObject() && root.has("instance_id")) {
            predictions.add(new Prediction(root, "$"));
        } else if (root.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                predictions.add(new Prediction(entry.getValue(), "$[\"" + entry.getKey() + "\"]"));
            }
        } else {
            throw new ImportException(source.path(), "$", "expected predictions as an object or an array, found "
                    + JsonInput.found(root));
        }
        return predictions;
    }

    private static ImportedTrajectory trajectory(SourceFile source, Prediction prediction, String id)
            throws ImportException {
        JsonNode value = prediction.value();
        if (!value.isObject()) {
            throw new ImportException(source.path(), prediction.at(), "expected a prediction object, found "
                    + JsonInput.found(value));
        }
        String instance = JsonInput.text(source, value, "instance_id", prediction.at());
        JsonNode patch = value.path("model_patch");
        if (!patch.isMissingNode() && !patch.isNull() && !patch.isTextual()) {
            throw new ImportException(source.path(), prediction.at() + ".model_patch", "expected the patch as text or "
                    + "null, found " + JsonInput.found(patch));
        }
        String diff = patch.isTextual() && !patch.textValue().isBlank() ? patch.textValue() : null;
        String named = JsonInput.optionalText(value, "model_name_or_path");
        Model model = named == null || named.contains("__") ? null : Models.of(named);
        StepList steps = new StepList();
        steps.systemEvent("prediction", named);
        return new ImportedTrajectory(id, NAME, instance, null, "swe-bench", new Actor.Agent("unknown", null),
                model, null, null, steps.steps(), Outcome.UNKNOWN, diff == null ? List.of("no patch") : List.of(),
                diff, null, List.of());
    }
}
