package dev.runtape.ledger.importer.aider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ExitCodes;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.Models;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.StepList;
import dev.runtape.ledger.importer.TextDiffs;
import dev.runtape.ledger.importer.Timestamp;
import dev.runtape.ledger.importer.TrajectoryFormat;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Aider's chat history markdown. Aider writes the user's input as {@code #### } lines, its own output as
 * {@code > } lines (a message of several lines quoted on its first line only, ended by Aider's markdown line break of
 * two spaces), and the model's reply as plain text.
 *
 * <p>Steps: each {@code # aider chat started at} header a "chat-started" system event with the header's time (local
 * time without an offset, taken as UTC); the user's input a user message (the first is the task), except
 * {@code /run}, {@code /test} and {@code !} commands, which are commands whose stdout is the output quoted after them,
 * and Aider's other commands ({@code /undo}, {@code /add}, ...), which are "aider-command" system events
 * ({@code /ask}, {@code /code}, {@code /architect} and {@code /help} are messages). A reply is an assistant message
 * with the model of the last {@code Model:} line, and each complete SEARCH/REPLACE block in it a file edit, parent the
 * reply, whose unified diff is made from the block's two texts (line numbers count from the block, as the history
 * does not hold the file). Aider's output: a lint run ({@code ## Running: CMD}) a command whose output runs to
 * {@code ## See relevant lines} or the question to fix them, its exit code from the output's {@code exit code: N},
 * else unknown; {@code Tokens: N sent, M received. Cost: $C request} the usage of the reply before it; the rest
 * "output" system events. Test runs are recognised in every command's output. Exit codes are never assumed.
 */
public final class AiderFormat implements TrajectoryFormat {

    public static final String NAME = "aider-chat-history";
    private static final Pattern HEADER = Pattern.compile("^# aider chat started at (.+?)\\s*$");
    private static final Pattern SEARCH = Pattern.compile("^<{5,9} SEARCH\\s*$");
    private static final Pattern DIVIDER = Pattern.compile("^={5,9}\\s*$");
    private static final Pattern REPLACE = Pattern.compile("^>{5,9} REPLACE\\s*$");
    private static final Pattern MODEL = Pattern.compile("^(?:Main model|Models?): (\\S+)");
    private static final Pattern VERSION = Pattern.compile("^Aider v(\\S+)");
    private static final Pattern TOKENS = Pattern.compile(
            "^Tokens: ([\\d,]+) sent, ([\\d,]+) received\\.(?: Cost: \\$([\\d.]+) request)?");
    /** Aider ends what it writes with two spaces after the text's last character; a line of spaces is not an end. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\S  $");
    private static final Pattern RUNNING = Pattern.compile("^## Running: (.+)$");
    private static final Set<String> MESSAGE_COMMANDS = Set.of("/ask", "/code", "/architect", "/help");
    private static final DateTimeFormatter HEADER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double detect(SourceFile source) {
        String head = source.head(65536);
        if (head.startsWith("{") || head.startsWith("[")) {
            return 0;
        }
        boolean headed = head.contains("\n# aider chat started at ") || head.startsWith("# aider chat started at ");
        if (headed) {
            return 0.95;
        }
        return head.contains("\n#### ") && head.contains("\n> Aider v") ? 0.8 : 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        List<Block> blocks = blocks(source, lines(source));
        State state = new State(source);
        for (int b = 0; b < blocks.size(); b++) {
            state.take(blocks.get(b), b == blocks.size() - 1);
        }
        if (!state.aider) {
            throw new ImportException(source.path(), "line 1", "expected an Aider chat history (\"# aider chat "
                    + "started at\" headers, \"#### \" input or \"> \" output), found none");
        }
        state.flushPending();
        String name = source.name();
        String taskId = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        Usage usage = state.anyUsage ? new Usage(state.sent, state.received, null,
                state.anyCost ? state.cost : null) : null;
        return new ImportedTrajectory(NAME + "-" + source.shortDigest(), NAME, taskId, state.task, "aider",
                new Actor.Agent("aider", state.version), Models.of(state.firstModel), null, state.started,
                state.steps.steps(), Outcome.UNKNOWN, List.of(), null, usage, List.of());
    }

    /** The file's lines, its text strictly UTF-8: a byte that is not fails naming its line and offset. */
    private static List<String> lines(SourceFile source) throws ImportException {
        byte[] bytes = source.bytes();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ImportException(source.path(), "line " + line + " (byte " + at + ")",
                    String.format(Locale.ROOT, "expected UTF-8 text, found byte 0x%02x", bytes[at] & 0xff));
        }
        decoder.flush(out);
        out.flip();
        List<String> lines = new ArrayList<>();
        for (String line : out.toString().split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

    private enum Kind { HEADER, USER, QUOTE, TEXT }

    /** Lines of one kind in a row; a quote's entries are Aider's messages, one line or several. */
    private record Block(Kind kind, int line, List<String> entries, List<Boolean> multi) {
    }

    private static List<Block> blocks(SourceFile source, List<String> lines) throws ImportException {
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (i == 0 && line.startsWith("-*-") && line.strip().endsWith("-*-")) {
                continue;
            }
            Kind kind;
            String entry;
            boolean multi = false;
            if (HEADER.matcher(line).matches()) {
                kind = Kind.HEADER;
                entry = line;
            } else if (line.startsWith("####")) {
                kind = Kind.USER;
                String text = line.substring(4);
                entry = (text.startsWith(" ") ? text.substring(1) : text).stripTrailing();
            } else if (line.equals(">") || line.startsWith("> ")) {
                kind = Kind.QUOTE;
                if (line.endsWith("  ") || line.strip().equals(">")) {
                    entry = line.substring(1).strip().isEmpty() ? "" : line.substring(2).stripTrailing();
                } else {
                    StringBuilder text = new StringBuilder(line.substring(2));
                    int end = i + 1;
                    while (true) {
                        if (end == lines.size()) {
                            throw new ImportException(source.path(), "line " + number, "expected Aider's output "
                                    + "that starts here to end with its line break (two spaces), found the end of "
                                    + "the file: it is cut off");
                        }
                        String next = lines.get(end);
                        if (HEADER.matcher(next).matches()) {
                            end--;
                            break;
                        }
                        text.append('\n').append(next);
                        if (LINE_BREAK.matcher(next).find()) {
                            break;
                        }
                        end++;
                    }
                    entry = text.toString().stripTrailing();
                    multi = true;
                    i = end;
                }
            } else {
                kind = Kind.TEXT;
                entry = line;
                if (line.isBlank() && (current == null || current.kind() != Kind.TEXT)) {
                    if (current != null && current.kind() == Kind.USER) {
                        current = null; // Aider writes a blank line before each input: the next is another
                    }
                    continue;
                }
            }
            if (current == null || current.kind() != kind || kind == Kind.HEADER) {
                current = new Block(kind, number, new ArrayList<>(), new ArrayList<>());
                blocks.add(current);
            }
            current.entries().add(entry);
            current.multi().add(multi);
        }
        return blocks;
    }

    /** What reading has found so far. */
    private static final class State {

        private final SourceFile source;
        private final StepList steps = new StepList();
        private boolean aider;
        private @Nullable String task;
        private @Nullable String version;
        private @Nullable String firstModel;
        private @Nullable String model;
        private @Nullable Instant started;
        private @Nullable ObjectNode lastReply;
        private @Nullable String pending;
        private long sent;
        private long received;
        private double cost;
        private boolean anyUsage;
        private boolean anyCost;

        State(SourceFile source) {
            this.source = source;
        }

        void take(Block block, boolean last) throws ImportException {
            if (pending != null && block.kind() != Kind.QUOTE) {
                flushPending();
            }
            switch (block.kind()) {
                case HEADER -> header(block);
                case USER -> user(String.join("\n", block.entries()).strip());
                case QUOTE -> quote(block);
                case TEXT -> reply(block, last);
            }
        }

        void flushPending() {
            if (pending != null) {
                steps.command(pending, null, null, null, null, null);
                pending = null;
            }
        }

        private void header(Block block) {
            aider = true;
            Matcher matcher = HEADER.matcher(block.entries().getFirst());
            matcher.matches();
            String when = matcher.group(1);
            ObjectNode event = steps.systemEvent("chat-started", when);
            try {
                Instant instant = LocalDateTime.parse(when, HEADER_TIME).toInstant(ZoneOffset.UTC);
                StepList.time(event, new Timestamp(instant, when));
                started = started == null ? instant : started;
            } catch (DateTimeParseException notATime) {
                // the header's text stays in the event
            }
            lastReply = null;
        }

        private void user(String text) {
            aider = true;
            if (text.startsWith("!") || text.startsWith("/run ") || text.startsWith("/test ")) {
                pending = text.startsWith("!") ? text.substring(1).strip()
                        : text.substring(text.indexOf(' ') + 1).strip();
                return;
            }
            if (text.startsWith("/")) {
                String word = text.split("\\s", 2)[0];
                if (!MESSAGE_COMMANDS.contains(word)) {
                    steps.systemEvent("aider-command", text);
                    return;
                }
            }
            if (task == null && !text.startsWith("/")) {
                task = text;
            }
            steps.message("user", text, null);
        }

        private void quote(Block block) {
            aider = true;
            List<String> entries = block.entries();
            int from = 0;
            if (pending != null) {
                String output;
                if (block.multi().getFirst()) {
                    output = entries.getFirst();
                    from = 1;
                } else {
                    output = String.join("\n", entries);
                    from = entries.size();
                }
                ObjectNode command = steps.command(pending, null, ExitCodes.parse(output).orElse(null), output,
                        null, null);
                steps.testRunOf(pending, output, command);
                pending = null;
            }
            List<String> lines = new ArrayList<>();
            for (String entry : entries.subList(from, entries.size())) {
                lines.addAll(List.of(entry.split("\n", -1)));
            }
            List<String> plain = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                meta(line);
                Matcher running = RUNNING.matcher(line);
                if (!running.matches()) {
                    plain.add(line);
                    continue;
                }
                output(plain);
                int end = i + 1;
                while (end < lines.size() && !ends(lines.get(end))) {
                    end++;
                }
                String output = String.join("\n", lines.subList(i + 1, end)).strip();
                String command = running.group(1).strip();
                ObjectNode step = steps.command(command, null, ExitCodes.parse(output).orElse(null), output,
                        null, null);
                steps.testRunOf(command, output, step);
                i = end - 1;
            }
            output(plain);
        }

        private static boolean ends(String line) {
            return line.startsWith("## See relevant line") || line.startsWith("Attempt to fix lint errors?")
                    || RUNNING.matcher(line).matches();
        }

        private void output(List<String> plain) {
            String text = String.join("\n", plain).strip();
            if (!text.isEmpty()) {
                steps.systemEvent("output", text);
            }
            plain.clear();
        }

        private void meta(String line) {
            Matcher matcher = VERSION.matcher(line);
            if (matcher.find() && version == null) {
                version = matcher.group(1);
            }
            matcher = MODEL.matcher(line);
            if (matcher.find()) {
                model = matcher.group(1);
                firstModel = firstModel == null ? model : firstModel;
            }
            matcher = TOKENS.matcher(line);
            if (matcher.find()) {
                long in = Long.parseLong(matcher.group(1).replace(",", ""));
                long out = Long.parseLong(matcher.group(2).replace(",", ""));
                Double requestCost = matcher.group(3) == null ? null : Double.valueOf(matcher.group(3));
                sent += in;
                received += out;
                anyUsage = true;
                if (requestCost != null) {
                    cost += requestCost;
                    anyCost = true;
                }
                if (lastReply != null && !lastReply.has("usage")) {
                    StepList.usage(lastReply, new Usage(in, out, null, requestCost));
                }
            }
        }

        private void reply(Block block, boolean last) throws ImportException {
            List<String> lines = new ArrayList<>(block.entries());
            while (!lines.isEmpty() && lines.getLast().isBlank()) {
                lines.removeLast();
            }
            if (lines.isEmpty()) {
                return;
            }
            ObjectNode reply = steps.message("assistant", String.join("\n", lines), model);
            lastReply = reply;
            String path = null;
            for (int i = 0; i < lines.size(); i++) {
                if (!SEARCH.matcher(lines.get(i)).matches()) {
                    continue;
                }
                String named = pathBefore(lines, i);
                path = named != null ? named : path;
                int divider = i + 1;
                while (divider < lines.size() && !DIVIDER.matcher(lines.get(divider)).matches()
                        && !SEARCH.matcher(lines.get(divider)).matches()) {
                    divider++;
                }
                int end = divider + 1;
                while (divider < lines.size() && end < lines.size() && !REPLACE.matcher(lines.get(end)).matches()
                        && !DIVIDER.matcher(lines.get(end)).matches()
                        && !SEARCH.matcher(lines.get(end)).matches()) {
                    end++;
                }
                // A second divider where REPLACE belongs is a block Aider refuses ("did not conform"): no edit.
                boolean complete = divider < lines.size() && DIVIDER.matcher(lines.get(divider)).matches()
                        && end < lines.size() && REPLACE.matcher(lines.get(end)).matches();
                if (!complete) {
                    if (last && end >= lines.size()) {
                        throw new ImportException(source.path(), "line " + (block.line() + i), "expected the "
                                + "SEARCH/REPLACE block that starts here to end with >>>>>>> REPLACE, found the "
                                + "end of the file: it is cut off");
                    }
                    i = Math.max(i, divider - 1);
                    continue;
                }
                if (path != null) {
                    String diff = TextDiffs.unified(path, text(lines.subList(i + 1, divider)),
                            text(lines.subList(divider + 1, end)));
                    StepList.parent(steps.fileEdit(path, diff), reply);
                }
                i = end;
            }
        }

        private static String text(List<String> lines) {
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        }

        /** The file a block names: the line before its fence, or inside the fence before SEARCH. */
        private static @Nullable String pathBefore(List<String> lines, int search) {
            int at = search - 1;
            if (at >= 0 && lines.get(at).startsWith("```")) {
                at--;
            }
            if (at < 0) {
                return null;
            }
            String name = lines.get(at).strip();
            while (!name.isEmpty() && "`*:".indexOf(name.charAt(0)) >= 0) {
                name = name.substring(1);
            }
            while (!name.isEmpty() && "`*:".indexOf(name.charAt(name.length() - 1)) >= 0) {
                name = name.substring(0, name.length() - 1);
            }
            return name.isEmpty() || name.contains(" ") || name.startsWith("```") ? null : name;
        }
    }
}
