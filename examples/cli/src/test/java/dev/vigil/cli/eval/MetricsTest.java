package dev.vigil.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static final double EPS = 1e-9;

  @Test
  void binaryCounts_knownCase_precisionRecallF1F05() {
    BinaryCounts c = new BinaryCounts(6, 2, 4, 8);
    assertEquals(0.75, c.precision(), EPS);
    assertEquals(0.6, c.recall(), EPS);
    assertEquals(2 * 0.75 * 0.6 / (0.75 + 0.6), c.f1(), EPS);
    // F0.5 = 1.25 p r / (0.25 p + r) = 0.5625 / 0.7875
    assertEquals(0.5625 / 0.7875, c.f05(), EPS);
    assertEquals(0.2, c.falsePositiveRate(), EPS);
    assertEquals(20, c.total());
  }

  @Test
  void binaryCounts_add_countsEachCell() {
    BinaryCounts c = BinaryCounts.EMPTY.add(true, true).add(false, true).add(true, false)
        .add(false, false).add(false, false);
    assertEquals(new BinaryCounts(1, 1, 1, 2), c);
  }

  @Test
  void precisionRecall_zeroDenominator_isZero() {
    assertEquals(0, Metrics.precision(0, 0));
    assertEquals(0, Metrics.recall(0, 0));
    assertEquals(0, Metrics.f1(0, 0));
    assertEquals(0, BinaryCounts.EMPTY.f05());
  }

  @Test
  void fBeta_betaOne_isF1AndBetaHalfFavoursPrecision() {
    assertEquals(Metrics.f1(0.9, 0.3), Metrics.fBeta(0.9, 0.3, 1), EPS);
    assertTrue(Metrics.f05(0.9, 0.3) > Metrics.f1(0.9, 0.3));
    assertTrue(Metrics.f05(0.3, 0.9) < Metrics.f1(0.3, 0.9));
    assertThrows(IllegalArgumentException.class, () -> Metrics.fBeta(0.5, 0.5, 0));
  }

  @Test
  void latencyPenalty_isZeroAtFirstMessageAndHalfAtMedian() {
    double p = Metrics.penaltySteepness(11);
    assertEquals(Math.log(3) / 10, p, EPS);
    assertEquals(0, Metrics.latencyPenalty(1, p), EPS);
    assertEquals(0.5, Metrics.latencyPenalty(11, p), EPS);
    assertEquals(0.8, Metrics.latencyPenalty(21, p), EPS); // exp(-2 ln 3) = 1/9: -1 + 2 / (10/9)
    assertTrue(Metrics.latencyPenalty(1_000, p) > 0.999);
  }

  @Test
  void penaltySteepness_medianOfOneOrLess_isTreatedAsTwo() {
    assertEquals(Math.log(3), Metrics.penaltySteepness(1), EPS);
    assertEquals(Math.log(3), Metrics.penaltySteepness(0), EPS);
  }

  @Test
  void speed_isOneMinusMedianPenaltyAndZeroWithoutTruePositives() {
    double p = Metrics.penaltySteepness(11);
    assertEquals(1.0, Metrics.speed(List.of(1, 1, 11), p), EPS);
    assertEquals(0.5, Metrics.speed(List.of(1, 11, 21), p), EPS);
    assertEquals(1 - (0.5 + 0.8) / 2, Metrics.speed(List.of(11, 21), p), EPS);
    assertEquals(0, Metrics.speed(List.of(), p));
    assertEquals(0.3, Metrics.latencyWeightedF1(0.6, 0.5), EPS);
  }

  @Test
  void median_oddAndEvenCounts() {
    assertEquals(2, Metrics.median(new double[] {3, 1, 2}), EPS);
    assertEquals(2.5, Metrics.median(new double[] {4, 1, 3, 2}), EPS);
    assertEquals(2.5, Metrics.mean(new double[] {4, 1, 3, 2}), EPS);
    assertThrows(IllegalArgumentException.class, () -> Metrics.median(new double[0]));
  }
}
