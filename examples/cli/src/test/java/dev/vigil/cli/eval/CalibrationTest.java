package dev.vigil.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.AlertPreset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  /** Conversations whose harm is drawn from a known Platt model of their peak score. */
  private static List<Calibration.Outcome> drawn(double slope, double intercept, int n, long seed) {
    Random r = new Random(seed);
    Calibration.Platt truth = new Calibration.Platt(slope, intercept);
    List<Calibration.Outcome> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double peak = 1 - Math.exp(-3 * r.nextDouble());
      out.add(new Calibration.Outcome("c" + i, r.nextDouble() < truth.probability(peak), peak, false));
    }
    return out;
  }

  @Test
  void fit_recoversAKnownModel() {
    Calibration.Platt fit = Calibration.fit(drawn(2, -3, 20_000, 1));
    assertEquals(2, fit.slope(), 0.15);
    assertEquals(-3, fit.intercept(), 0.2);
  }

  @Test
  void ece_isSmallWhenCalibrated_andLargeWhenNot() {
    List<Calibration.Outcome> data = drawn(2, -3, 20_000, 2);
    List<Calibration.Outcome> calibrated = Calibration.calibrated(data, new Calibration.Platt(2, -3));
    assertTrue(Calibration.ece(calibrated) < 0.02, "ECE " + Calibration.ece(calibrated));
    List<Calibration.Outcome> wrong = Calibration.calibrated(data, new Calibration.Platt(6, 1));
    assertTrue(Calibration.ece(wrong) > 0.15, "ECE " + Calibration.ece(wrong));
    double cv = Calibration.crossValidatedEce(data, 5);
    assertTrue(cv < 0.03, "out-of-fold ECE " + cv);
  }

  @Test
  void fit_needsBothClasses_andARisingScore() {
    List<Calibration.Outcome> allHarmful = List.of(new Calibration.Outcome("a", true, 0.9, false),
        new Calibration.Outcome("b", true, 0.1, false));
    assertThrows(IllegalArgumentException.class, () -> Calibration.fit(allHarmful));
    List<Calibration.Outcome> inverted = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      inverted.add(new Calibration.Outcome("h" + i, true, 0.05, false));
      inverted.add(new Calibration.Outcome("b" + i, false, 0.95, false));
    }
    assertThrows(IllegalArgumentException.class, () -> Calibration.fit(inverted));
  }

  @Test
  void thresholds_orderThePresets_andTriageKeepsRecall() {
    List<Calibration.Outcome> data = Calibration.calibrated(drawn(2, -3, 2_000, 3),
        new Calibration.Platt(2, -3));
    Map<AlertPreset, Double> t = Calibration.thresholds(data);
    assertTrue(t.get(AlertPreset.REPORT_TRIAGE) <= t.get(AlertPreset.MODERATION_QUEUE), t.toString());
    assertTrue(t.get(AlertPreset.MODERATION_QUEUE) <= t.get(AlertPreset.PARENT_ALERT), t.toString());
    BinaryCounts triage = Calibration.counts(data, t.get(AlertPreset.REPORT_TRIAGE));
    assertTrue(Metrics.recall(triage.tp(), triage.fn()) >= 0.98, triage.toString());
    BinaryCounts parent = Calibration.counts(data, t.get(AlertPreset.PARENT_ALERT));
    BinaryCounts queue = Calibration.counts(data, t.get(AlertPreset.MODERATION_QUEUE));
    assertTrue(Metrics.precision(parent.tp(), parent.fp()) >= Metrics.precision(queue.tp(), queue.fp()));
  }

  @Test
  void counts_criticalAlwaysAlerts() {
    List<Calibration.Outcome> data = List.of(new Calibration.Outcome("a", true, 0.1, true),
        new Calibration.Outcome("b", false, 0.1, false));
    BinaryCounts c = Calibration.counts(data, 0.9);
    assertEquals(1, c.tp());
    assertEquals(0, c.fp());
  }
}
