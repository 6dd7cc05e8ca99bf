package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskCalibrationTest {

  private static Map<AlertPreset, Double> thresholds(double parent, double queue, double triage) {
    Map<AlertPreset, Double> t = new EnumMap<>(AlertPreset.class);
    t.put(AlertPreset.PARENT_ALERT, parent);
    t.put(AlertPreset.MODERATION_QUEUE, queue);
    t.put(AlertPreset.REPORT_TRIAGE, triage);
    return t;
  }

  @Test
  void shipped_isAFittedMonotoneCalibration() {
    RiskCalibration c = RiskCalibration.shipped();
    assertTrue(c.isCalibrated(), c.toString());
    double previous = -1;
    for (int i = 0; i <= 100; i++) {
      double p = c.probability(i / 100.0);
      assertTrue(p >= previous && p >= 0.001 && p <= 0.999, "p(" + i / 100.0 + ") = " + p);
      previous = p;
    }
    assertTrue(c.threshold(AlertPreset.REPORT_TRIAGE) <= c.threshold(AlertPreset.MODERATION_QUEUE));
    assertTrue(c.threshold(AlertPreset.MODERATION_QUEUE) <= c.threshold(AlertPreset.PARENT_ALERT));
    assertTrue(c.info().containsKey("ece_cross_validated"), "provenance: " + c.info());
  }

  @Test
  void platt_followsTheFormula_andOddBaseRatesMoveIt() {
    RiskCalibration c = RiskCalibration.platt(2, -3, 0.5, thresholds(0.9, 0.5, 0.2), Map.of());
    double score = 1 - Math.exp(-1.5); // evidence total 1.5: 2 * 1.5 - 3 = 0
    assertEquals(0.5, c.probability(score), 1e-9);
    assertEquals(1 / (1 + Math.exp(3)), c.probability(0), 1e-12);
    assertEquals(c.probability(0), c.probability(Double.NaN), 0);
    assertEquals(0.999, c.probability(1), 0); // never certain
    assertTrue(c.probability(0.5) < c.probability(0.9));
    assertEquals(0.01, c.atBaseRate(0.5, 0.01), 1e-9); // odds 1 * (1/99) / 1
    assertThrows(IllegalArgumentException.class, () -> c.atBaseRate(0.5, 0));
  }

  @Test
  void uncalibrated_isTheModelsOwnScore() {
    RiskCalibration c = RiskCalibration.uncalibrated();
    assertFalse(c.isCalibrated());
    assertEquals(0.37, c.probability(0.37), 0);
    assertEquals(0.7, c.threshold(AlertPreset.MODERATION_QUEUE), 0);
  }

  @Test
  void platt_outOfRange_isRejected() {
    Map<AlertPreset, Double> ok = thresholds(0.9, 0.5, 0.2);
    assertThrows(IllegalArgumentException.class, () -> RiskCalibration.platt(0, 0, 0.5, ok, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> RiskCalibration.platt(-1, 0, 0.5, ok, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> RiskCalibration.platt(1, Double.NaN, 0.5, ok, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> RiskCalibration.platt(1, 0, 1, ok, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> RiskCalibration.platt(1, 0, 0.5, Map.of(AlertPreset.PARENT_ALERT, 0.9), Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> RiskCalibration.platt(1, 0, 0.5, thresholds(0.9, 0, 0.2), Map.of()));
  }

  @Test
  void format_readsBack(@TempDir Path dir) throws IOException {
    RiskCalibration c = RiskCalibration.platt(2.5, -3.25, 0.4, thresholds(0.8, 0.5, 0.25),
        Map.of("conversations", "72", "note", "two\nlines"));
    Path f = dir.resolve("c.properties");
    Files.writeString(f, c.format(), StandardCharsets.UTF_8);
    RiskCalibration back = RiskCalibration.read(f);
    assertEquals(2.5, back.slope(), 1e-6);
    assertEquals(-3.25, back.intercept(), 1e-6);
    assertEquals(0.4, back.baseRate(), 1e-6);
    assertEquals(0.25, back.threshold(AlertPreset.REPORT_TRIAGE), 1e-4);
    assertEquals("two\nlines", back.info().get("note"));
  }

  @Test
  void read_malformed_namesTheProblem(@TempDir Path dir) throws IOException {
    String good = RiskCalibration.platt(2, -3, 0.5, thresholds(0.9, 0.5, 0.2), Map.of()).format();
    for (String[] bad : List.of(
        new String[] {good.replace("format=1", "format=2"), "format 2"},
        new String[] {good.replace("slope=2.000000", "slope=-2"), "slope"},
        new String[] {good.replace("slope=2.000000", "slope=steep"), "slope"},
        new String[] {good.replace("threshold.parent_alert=0.9000\n", ""), "parent_alert"},
        new String[] {good + "sloppe=1\n", "sloppe"},
        new String[] {good.replace("method=platt", "method=isotonic"), "method"})) {
      Path f = dir.resolve("bad.properties");
      Files.writeString(f, bad[0], StandardCharsets.UTF_8);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RiskCalibration.read(f));
      assertTrue(e.getMessage().contains(bad[1]) && e.getMessage().contains(f.toString()), e.getMessage());
    }
  }

  @Test
  void detector_calibrationChangesTheRiskNumber_neverTheLevel() {
    RiskCalibration steep = RiskCalibration.platt(3, -4, 0.5, thresholds(0.9, 0.5, 0.2), Map.of());
    ConversationTracker raw = Detector.builder().serviceLoading(false)
        .calibration(RiskCalibration.uncalibrated()).build().newTracker();
    Detector calibrated = Detector.builder().serviceLoading(false).calibration(steep).build();
    ConversationTracker cal = calibrated.newTracker();
    String[] lines = {
        "hey how old are you", "you seem really mature for your age", "do you have snap",
        "dont tell your parents about me ok", "send me a pic of you", "if you dont pay I will post it"};
    boolean moved = false;
    for (int i = 0; i < lines.length; i++) {
      Message m = Message.of("c", "x", Instant.ofEpochSecond(1_700_000_000L + 60L * i), lines[i]);
      Assessment a = raw.observe(m);
      Assessment b = cal.observe(m);
      assertEquals(a.level(), b.level());
      assertEquals(steep.probability(a.risk()), b.risk(), 1e-6);
      moved |= Math.abs(a.risk() - b.risk()) > 0.01;
      boolean expected = b.level() == RiskLevel.CRITICAL || b.risk() >= 0.5;
      assertEquals(expected, calibrated.alerts(b, AlertPreset.MODERATION_QUEUE));
    }
    assertTrue(moved, "the calibration changed no risk number");
  }
}
