package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.eval.BinaryCounts;
import dev.vigil.cli.eval.Calibration;
import dev.vigil.cli.eval.Metrics;
import dev.vigil.detector.AlertPreset;
import dev.vigil.detector.Detector;
import dev.vigil.detector.RiskCalibration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil-cli calibrate FILE|DIR…}: fits a risk calibration on labelled conversations (the
 * same inputs as {@code eval}) and prints how good it is; {@code --out} writes it for {@code
 * --calibration} and {@code DetectorBuilder.calibration}.
 *
 * <p>Method: every conversation is scored by the uncalibrated detector (the chosen tiers); its
 * highest risk and its class (GROOMING or SEXTORTION against BENIGN) are the data. Platt scaling
 * ({@link Calibration#fit}) maps the risk to a probability; the preset thresholds are chosen on
 * the calibrated probabilities ({@link Calibration#thresholds}). Reported: the expected calibration
 * error in sample and out of fold (5 folds; the honest figure), the Brier score, and each preset's
 * precision and recall in sample. A calibration is only as good as the data: use conversations
 * the detector's lexicons were not tuned on, in the proportions you expect to alert on.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Fit a risk calibration (Platt scaling) and the alert presets' thresholds on"
        + " labelled conversations.")
final class CalibrateCommand implements Callable<Integer> {

  static final int FOLDS = 5;

  private final Io io;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Labelled input files or folders, as for eval.")
  List<String> files = new ArrayList<>();

  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the calibration here (Java properties; see RiskCalibration).")
  @Nullable Path out;

  CalibrateCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    Detector detector = common.buildDetector(RiskCalibration.uncalibrated());
    EvalCommand.Scored scored = EvalCommand.score(io, common, detector, files, "calibrate");
    if (scored == null) {
      return VigilCli.EXIT_INPUT;
    }
    List<Calibration.Outcome> raw = scored.evaluation().outcomes(false);
    long harmful = raw.stream().filter(Calibration.Outcome::harmful).count();
    if (harmful < FOLDS || raw.size() - harmful < FOLDS) {
      io.err().println("vigil-cli calibrate: needs at least " + FOLDS + " harmful and " + FOLDS
          + " benign labelled conversations, got " + harmful + " and " + (raw.size() - harmful));
      return VigilCli.EXIT_INPUT;
    }
    Calibration.Platt platt;
    try {
      platt = Calibration.fit(raw);
    } catch (IllegalArgumentException e) {
      io.err().println("vigil-cli calibrate: " + e.getMessage());
      return VigilCli.EXIT_FAILURE;
    }
    List<Calibration.Outcome> calibrated = Calibration.calibrated(raw, platt);
    Map<AlertPreset, Double> thresholds = Calibration.thresholds(calibrated);
    double baseRate = (double) harmful / raw.size();
    double eceRaw = Calibration.ece(raw);
    double ece = Calibration.ece(calibrated);
    double eceCv = Calibration.crossValidatedEce(raw, FOLDS);
    double brier = Calibration.brier(calibrated);

    Map<String, String> info = new TreeMap<>();
    int i = 0;
    for (JsonNode in : scored.inputs()) {
      info.put("data." + i + ".file", in.get("file").asText());
      info.put("data." + i + ".sha256", in.get("sha256").asText());
      i++;
    }
    info.put("pipeline", String.join(",", detector.pipeline()));
    info.put("tiers", common.tiers.label);
    info.put("conversations", Integer.toString(raw.size()));
    info.put("harmful", Long.toString(harmful));
    info.put("ece_uncalibrated", fmt(eceRaw));
    info.put("ece_in_sample", fmt(ece));
    info.put("ece_cross_validated", fmt(eceCv) + " (" + FOLDS + " folds)");
    info.put("brier_in_sample", fmt(brier));
    info.put("command", "vigil-cli calibrate --tiers " + common.tiers.label + " --lang "
        + common.lang.name().toLowerCase(Locale.ROOT) + " ...");
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "vigil-cli calibrate: %d conversations (%d harmful,"
        + " base rate %.3f), tiers %s%n", raw.size(), harmful, baseRate, common.tiers.label));
    report.append(String.format(Locale.ROOT, "  Platt on x = -ln(1 - risk): slope %.4f, intercept %.4f%n",
        platt.slope(), platt.intercept()));
    report.append(String.format(Locale.ROOT, "  expected calibration error: uncalibrated %.3f,"
        + " calibrated %.3f in sample, %.3f out of fold (%d folds); Brier %.3f%n",
        eceRaw, ece, eceCv, FOLDS, brier));
    report.append("  preset              threshold  precision  recall   (in sample)\n");
    for (AlertPreset p : AlertPreset.values()) {
      BinaryCounts k = Calibration.counts(calibrated, thresholds.get(p));
      double pr = Metrics.precision(k.tp(), k.fp());
      double rc = Metrics.recall(k.tp(), k.fn());
      info.put("preset." + p.key(), String.format(Locale.ROOT, "precision %.3f recall %.3f (in sample)", pr, rc));
      report.append(String.format(Locale.ROOT, "  %-18s  %9.4f  %9.3f  %6.3f%n", p.key(),
          thresholds.get(p), pr, rc));
    }
    RiskCalibration fitted = RiskCalibration.platt(platt.slope(), platt.intercept(), baseRate, thresholds, info);
    io.out().print(report);
    if (out != null) {
      Files.writeString(out, fitted.format(), StandardCharsets.UTF_8);
      io.out().println("  written to " + out);
    }
    io.out().flush();
    return VigilCli.EXIT_OK;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
