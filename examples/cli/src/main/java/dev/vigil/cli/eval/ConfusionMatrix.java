package dev.vigil.cli.eval;

import dev.vigil.detector.Stage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A gold × predicted count matrix over the ten {@link Stage}s plus {@code NONE} for "no stage"
 * (row and column 0). Not thread-safe.
 */
public final class ConfusionMatrix {

  /** The label of row and column 0. */
  public static final String NONE = "NONE";

  private static final Stage[] STAGES = Stage.values();

  private final long[][] counts = new long[STAGES.length + 1][STAGES.length + 1];

  /** An empty matrix. */
  public ConfusionMatrix() {}

  /** The labels of the rows and columns, in order: NONE, then the stages in process order. */
  public static List<String> labels() {
    List<String> labels = new ArrayList<>(STAGES.length + 1);
    labels.add(NONE);
    for (Stage s : STAGES) {
      labels.add(s.name());
    }
    return labels;
  }

  private static int index(@Nullable Stage stage) {
    return stage == null ? 0 : stage.ordinal() + 1;
  }

  /** Counts one message with gold stage {@code gold} predicted as {@code predicted}. */
  public void add(@Nullable Stage gold, @Nullable Stage predicted) {
    counts[index(gold)][index(predicted)]++;
  }

  /** How many messages of gold stage {@code gold} were predicted {@code predicted}. */
  public long count(@Nullable Stage gold, @Nullable Stage predicted) {
    return counts[index(gold)][index(predicted)];
  }

  /** All messages counted. */
  public long total() {
    long n = 0;
    for (long[] row : counts) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  /** A copy of the matrix, rows gold and columns predicted, in the order of {@link #labels()}. */
  public long[][] toArray() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** One stage's counts, one-vs-rest (NONE counts as a wrong label like any other). */
  public LabelCounts counts(Stage stage) {
    int i = index(stage);
    long tp = counts[i][i];
    long row = 0;
    long column = 0;
    for (int j = 0; j < counts.length; j++) {
      row += counts[i][j];
      column += counts[j][i];
    }
    return new LabelCounts(tp, column - tp, row - tp);
  }

  /**
   * The mean F1 over the stages with support &gt; 0 (NONE excluded); 0 if no stage has support.
   */
  public double macroF1() {
    double sum = 0;
    int n = 0;
    for (Stage s : STAGES) {
      LabelCounts c = counts(s);
      if (c.support() > 0) {
        sum += c.f1();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
