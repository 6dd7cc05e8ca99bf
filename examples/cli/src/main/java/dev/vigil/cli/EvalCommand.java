package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.cli.eval.EvalReport;
import dev.vigil.cli.eval.Evaluation;
import dev.vigil.cli.eval.Prediction;
import dev.vigil.cli.input.InputLine;
import dev.vigil.cli.input.LabelledMessage;
import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.RiskLevel;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.jspecify.annotations.Nullable;
import dev.vigil.cli.eval.BinaryCounts;
import dev.vigil.cli.eval.Calibration;
import dev.vigil.cli.eval.Metrics;
import dev.vigil.detector.AlertPreset;
import dev.vigil.detector.RiskCalibration;
import java.util.Map;

/**
 * {@code vigil-cli eval FILE|-}: scores a labelled corpus ({@code gold_class}, {@code gold_stage},
 * {@code gold_signals}) and prints conversation, stage, signal and early-warning measures as a
 * table, or with {@code --json} as one JSON object. With {@code --benign}, the input is benign
 * reference text (e.g. NPS Chat, the SMS Spam Collection with {@code --format sms}) and the report
 * adds alerts per 1,000 messages with each alert's evidence. The measures are defined in {@link
 * Evaluation}.
 *
 * <p>Exit codes as {@link ScanCommand}. Not thread-safe; one instance per run.
 */
@Command(name = "eval", sortOptions = false, mixinStandardHelpOptions = true,
    description = {
        "Evaluate the detector on a labelled corpus (or, with --benign, on benign text).",
        "Prints a table to standard output, or one JSON object with --json."})
final class EvalCommand implements Callable<Integer> {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Io io;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Labelled input files or folders (every .jsonl and .csv file in a folder, in"
          + " name order), or - for standard input. All are scored by one tracker and reported"
          + " together.")
  List<String> files = new ArrayList<>();

  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--json", description = "Print one JSON object instead of tables.")
  boolean json;

  @Option(names = "--threshold-level", paramLabel = "LEVEL", defaultValue = "HIGH",
      description = "Level at or above which a conversation or message is flagged:"
          + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RiskLevel threshold = RiskLevel.HIGH;

  @Option(names = "--benign",
      description = "The input is benign text: count alerts per 1,000 messages and list them;"
          + " unlabelled conversations count as BENIGN; SMS spam is counted apart.")
  boolean benign;

  EvalCommand(Io io) {
    this.io = io;
  }

  /** Files as given, with each folder replaced by its .jsonl and .csv files in name order. */
  static List<String> expand(List<String> files) throws IOException {
    List<String> out = new ArrayList<>();
    for (String f : files) {
      Path p = Path.of(f);
      if (!f.equals("-") && Files.isDirectory(p)) {
        try (Stream<Path> list = Files.list(p)) {
          list.filter(x -> x.toString().endsWith(".jsonl") || x.toString().endsWith(".csv"))
              .sorted().forEach(x -> out.add(x.toString()));
        }
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /** What {@link #score} read: the evaluation, and each input file with its SHA-256. */
  record Scored(Evaluation evaluation, ArrayNode inputs, long malformed, Progress progress) {}

  /**
   * Scores every file with one tracker of {@code detector}; malformed lines are reported on
   * standard error and counted. Returns null, having reported why, if an input cannot be read.
   */
  static @Nullable Scored score(Io io, CommonOptions common, Detector detector, List<String> files,
      String command) {
    ConversationTracker tracker = detector.newTracker();
    Evaluation evaluation = new Evaluation();
    Progress progress = new Progress(io.err(), !common.noProgress);
    long malformed = 0;
    ArrayNode inputs = MAPPER.createArrayNode();
    List<String> expanded;
    try {
      expanded = expand(files);
    } catch (IOException e) {
      io.err().println("vigil-cli " + command + ": " + VigilCli.describeInputError(e));
      return null;
    }
    for (String file : expanded) {
      try (CommonOptions.OpenedInput input = common.open(file, io.in(), true)) {
        for (InputLine line; (line = input.reader.next()) != null; ) {
          if (line.isMalformed()) {
            malformed++;
            evaluation.addMalformed();
            io.err().println(file + ": line " + line.line() + ": " + line.error());
          } else {
            LabelledMessage m = Objects.requireNonNull(line.message());
            Assessment a = tracker.observe(m.message());
            evaluation.add(m, Prediction.of(a));
          }
          progress.tick(evaluation.messages(), malformed);
        }
        ObjectNode in = inputs.addObject();
        in.put("file", file);
        in.put("sha256", input.drain());
      } catch (IOException e) {
        progress.finish();
        io.err().println("vigil-cli " + command + ": " + VigilCli.describeInputError(e));
        return null;
      }
    }
    progress.finish();
    return new Scored(evaluation, inputs, malformed, progress);
  }

  /**
   * How well the risk is calibrated on this input (per conversation, its highest risk) and what
   * each alert preset gives. Nothing when the input has no labelled conversation of a class.
   */
  static String calibrationText(List<Calibration.Outcome> outcomes, RiskCalibration c) {
    if (outcomes.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%nRisk calibration (%s; per conversation, highest risk;"
        + " %d conversations)%n", c, outcomes.size()));
    b.append(String.format(Locale.ROOT, "  expected calibration error %.3f (10 bins), Brier %.3f%n",
        Calibration.ece(outcomes), Calibration.brier(outcomes)));
    b.append("  preset              threshold  alerts  precision  recall     f1    fpr\n");
    for (Map.Entry<AlertPreset, BinaryCounts> e : Calibration.presetCounts(outcomes, c).entrySet()) {
      BinaryCounts k = e.getValue();
      double p = Metrics.precision(k.tp(), k.fp());
      double r = Metrics.recall(k.tp(), k.fn());
      b.append(String.format(Locale.ROOT, "  %-18s  %9.3f  %6d  %9.3f  %6.3f  %5.3f  %5.3f%n",
          e.getKey().key(), c.threshold(e.getKey()), k.tp() + k.fp(), p, r, Metrics.f1(p, r),
          Metrics.falsePositiveRate(k.fp(), k.tn())));
    }
    return b.toString();
  }

  static ObjectNode calibrationJson(List<Calibration.Outcome> outcomes, RiskCalibration c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("calibration", c.toString());
    o.put("conversations", outcomes.size());
    if (outcomes.isEmpty()) {
      return o;
    }
    o.put("ece", Calibration.ece(outcomes));
    o.put("brier", Calibration.brier(outcomes));
    ObjectNode presets = o.putObject("presets");
    for (Map.Entry<AlertPreset, BinaryCounts> e : Calibration.presetCounts(outcomes, c).entrySet()) {
      BinaryCounts k = e.getValue();
      ObjectNode p = presets.putObject(e.getKey().key());
      p.put("threshold", c.threshold(e.getKey()));
      p.put("tp", k.tp());
      p.put("fp", k.fp());
      p.put("fn", k.fn());
      p.put("tn", k.tn());
      p.put("precision", Metrics.precision(k.tp(), k.fp()));
      p.put("recall", Metrics.recall(k.tp(), k.fn()));
    }
    return o;
  }

  @Override
  public Integer call() throws IOException {
    Detector detector = common.buildDetector();
    Scored scored = score(io, common, detector, files, "eval");
    if (scored == null) {
      return VigilCli.EXIT_INPUT;
    }
    Evaluation evaluation = scored.evaluation();
    ArrayNode inputs = scored.inputs();
    long malformed = scored.malformed();
    Progress progress = scored.progress();
    EvalReport report = evaluation.report(threshold, benign);
    if (json) {
      ObjectNode root = report.toJson();
      ObjectNode in = (ObjectNode) root.get("input");
      in.set("files", inputs);
      in.put("languages", common.lang.name().toLowerCase(Locale.ROOT));
      root.set("calibration", calibrationJson(evaluation.outcomes(benign), detector.calibration()));
      io.out().println(MAPPER.writeValueAsString(root));
    } else {
      io.out().println("vigil-cli eval (languages " + common.lang.name().toLowerCase(Locale.ROOT) + ")");
      for (var in : inputs) {
        io.out().println("  " + in.get("file").asText() + "  sha256 " + in.get("sha256").asText());
      }
      io.out().print(report.toText());
      io.out().print(calibrationText(evaluation.outcomes(benign), detector.calibration()));
    }
    io.out().flush();
    io.err().printf(Locale.ROOT, "eval: %,d messages, %,d malformed lines in %.2f s (%,.0f messages/s)%n",
        evaluation.messages(), malformed, progress.seconds(), progress.rate(evaluation.messages()));
    return VigilCli.EXIT_OK;
  }
}
