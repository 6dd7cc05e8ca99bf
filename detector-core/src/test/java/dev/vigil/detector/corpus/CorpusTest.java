package dev.vigil.detector.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.detector.Detector;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conversation-level behaviour on the labelled development corpus ({@code corpus/}, see its
 * datasheet) and on the shared sample. The floors are set below the figures measured on each part
 * so that a change that makes detection clearly worse fails; the README reports the figures. The
 * tune part is what lexicons and thresholds were tuned on; the test part was not looked at while
 * tuning and is the honest figure.
 */
class CorpusTest {

  private static final Detector DETECTOR = Detector.builder().build();

  private static Path corpus(String part, String file) {
    return LabelledCorpus.root().resolve("corpus").resolve(part).resolve(file);
  }

  @ParameterizedTest(name = "{0} {1}: harmful>=HIGH >= {2}, benign>=HIGH <= {3}")
  @CsvSource({
    "tune, en, 0.80, 0.15",
    "tune, fr, 0.80, 0.15",
    "test, en, 0.70, 0.20",
    "test, fr, 0.70, 0.20",
  })
  void corpusPart_detectionRates_stayAboveFloors(String part, String lang, double minHarmful,
      double maxBenign) {
    Map<String, LabelledCorpus.Result> results = LabelledCorpus.score(DETECTOR,
        corpus(part, lang + "-harmful.jsonl"), corpus(part, lang + "-benign.jsonl"));
    double harmful = LabelledCorpus.highRate(results, true);
    double benign = LabelledCorpus.highRate(results, false);
    String missed = results.values().stream()
        .filter(r -> r.harmful() && !r.maxLevel().isAtLeast(RiskLevel.HIGH))
        .map(LabelledCorpus.Result::id).collect(Collectors.joining(", "));
    String falseAlarms = results.values().stream()
        .filter(r -> !r.harmful() && r.maxLevel().isAtLeast(RiskLevel.HIGH))
        .map(LabelledCorpus.Result::id).collect(Collectors.joining(", "));
    assertTrue(harmful >= minHarmful, String.format("harmful>=HIGH %.2f < %.2f; missed: %s", harmful, minHarmful, missed));
    assertTrue(benign <= maxBenign, String.format("benign>=HIGH %.2f > %.2f; false alarms: %s", benign, maxBenign, falseAlarms));
  }

  @ParameterizedTest
  @CsvSource({"tune, en", "tune, fr", "test, en", "test, fr"})
  void sextortion_alwaysShowsExtortionOrThreatOrPayment(String part, String lang) {
    Map<String, LabelledCorpus.Result> results = LabelledCorpus.score(DETECTOR, corpus(part, lang + "-harmful.jsonl"));
    List<String> bad = results.values().stream()
        .filter(r -> r.goldClass().equals("SEXTORTION"))
        .filter(r -> !r.sawExtortion() && !r.signals().contains(Signal.THREAT)
            && !r.signals().contains(Signal.PAYMENT_DEMAND))
        .map(LabelledCorpus.Result::id).toList();
    assertEquals(List.of(), bad);
  }

  @Test
  void sharedSample_harmfulHighAndBenignNot() {
    Path sample = LabelledCorpus.root().resolve("../shared/examples/sample.jsonl").normalize();
    assumeTrue(Files.isReadable(sample), "shared sample not found at " + sample + ": skipped");
    Map<String, LabelledCorpus.Result> results = LabelledCorpus.score(DETECTOR, sample);
    for (LabelledCorpus.Result r : results.values()) {
      if (r.harmful()) {
        assertTrue(r.maxLevel().isAtLeast(RiskLevel.HIGH), r.id() + " reached only " + r.maxLevel());
      } else {
        assertTrue(!r.maxLevel().isAtLeast(RiskLevel.HIGH), r.id() + " is benign but reached " + r.maxLevel());
      }
    }
  }
}
