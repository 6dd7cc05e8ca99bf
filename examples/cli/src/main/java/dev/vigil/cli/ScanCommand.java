package dev.vigil.cli;

import dev.vigil.cli.input.InputLine;
import dev.vigil.cli.input.LabelledMessage;
import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil-cli scan FILE|-}: scores every message of the input with one conversation tracker,
 * in input order, and writes one JSON line per input line to standard output (a malformed line
 * gets {@code {"line": N, "error": "..."}}, and {@code line N: ...} on standard error). Progress
 * and a summary go to standard error, without message text.
 *
 * <p>Exit codes: 0 when the input was read (malformed lines included), 2 for unreadable input or
 * bad options, 1 for an unexpected failure. Not thread-safe; one instance per run.
 */
@Command(name = "scan", sortOptions = false, mixinStandardHelpOptions = true,
    description = {
        "Score every message and write one JSON line per input line to standard output.",
        "Progress, malformed lines and a summary go to standard error, without message text."})
final class ScanCommand implements Callable<Integer> {

  private final Io io;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "Input file, or - for standard input.")
  String file = "-";

  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--evidence",
      description = "Add each message's evidence (index, span, source, stage, signal, weight).")
  boolean evidence;

  @Option(names = "--top", paramLabel = "N", defaultValue = "5",
      description = "Conversations listed in the summary (default: ${DEFAULT-VALUE}).")
  int top = 5;

  ScanCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    if (top < 0) {
      throw new ParameterException(spec.commandLine(), "--top must be 0 or more, got " + top);
    }
    Detector detector = common.buildDetector();
    ConversationTracker tracker = detector.newTracker();
    ScanSummary summary = new ScanSummary();
    Progress progress = new Progress(io.err(), !common.noProgress);
    ScanWriter writer = new ScanWriter(io.out(), evidence);
    try (CommonOptions.OpenedInput input = common.open(file, io.in(), false)) {
      long lines = 0;
      for (InputLine line; (line = input.reader.next()) != null; ) {
        if (line.isMalformed()) {
          summary.addMalformed();
          io.err().println("line " + line.line() + ": " + line.error());
          writer.writeMalformed(line.line(), Objects.requireNonNull(line.error()));
        } else {
          LabelledMessage m = Objects.requireNonNull(line.message());
          Assessment a = tracker.observe(m.message());
          summary.add(a, m.goldClass());
          writer.write(a);
        }
        progress.tick(summary.messages(), summary.malformed());
        if (++lines % 1024 == 0 && writer.flushAndCheckError()) {
          // Standard output is gone (e.g. "| head"): stop reading, still summarise.
          io.err().println("scan: standard output closed; stopped after " + lines + " lines");
          break;
        }
      }
      writer.flushAndCheckError();
    } catch (IOException e) {
      writer.flushAndCheckError();
      progress.finish();
      io.err().println("vigil-cli scan: " + VigilCli.describeInputError(e));
      return VigilCli.EXIT_INPUT;
    }
    progress.finish();
    summary.print(io.err(), top, progress.seconds());
    return VigilCli.EXIT_OK;
  }
}
