package dev.vigil.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.detector.Stage;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  private static final double EPS = 1e-9;

  private static ConfusionMatrix sample() {
    ConfusionMatrix m = new ConfusionMatrix();
    m.add(Stage.FRIENDSHIP, Stage.FRIENDSHIP);
    m.add(Stage.FRIENDSHIP, Stage.FRIENDSHIP);
    m.add(Stage.FRIENDSHIP, null);
    m.add(null, Stage.FRIENDSHIP);
    m.add(Stage.EXTORTION, Stage.EXTORTION);
    m.add(Stage.EXTORTION, Stage.SECRECY);
    return m;
  }

  @Test
  void count_cellsAndTotal() {
    ConfusionMatrix m = sample();
    assertEquals(2, m.count(Stage.FRIENDSHIP, Stage.FRIENDSHIP));
    assertEquals(1, m.count(Stage.FRIENDSHIP, null));
    assertEquals(1, m.count(null, Stage.FRIENDSHIP));
    assertEquals(0, m.count(null, null));
    assertEquals(6, m.total());
    long[][] a = m.toArray();
    assertEquals(11, a.length);
    assertEquals(1, a[0][1], "row NONE, column FRIENDSHIP");
    assertEquals(1, a[10][9], "row EXTORTION, column SECRECY");
    assertEquals("NONE", ConfusionMatrix.labels().get(0));
    assertEquals("EXTORTION", ConfusionMatrix.labels().get(10));
  }

  @Test
  void counts_oneVsRestPerStage() {
    ConfusionMatrix m = sample();
    assertEquals(new LabelCounts(2, 1, 1), m.counts(Stage.FRIENDSHIP));
    assertEquals(new LabelCounts(1, 0, 1), m.counts(Stage.EXTORTION));
    assertEquals(new LabelCounts(0, 1, 0), m.counts(Stage.SECRECY));
    assertEquals(0, m.counts(Stage.SECRECY).support());
  }

  @Test
  void macroF1_averagesStagesWithSupportOnly() {
    // FRIENDSHIP: p = r = 2/3, F1 = 2/3. EXTORTION: p = 1, r = 1/2, F1 = 2/3.
    // SECRECY has no support (only a false positive) and is left out of the mean.
    assertEquals(2.0 / 3, sample().macroF1(), EPS);
    assertEquals(0, new ConfusionMatrix().macroF1());
  }
}
