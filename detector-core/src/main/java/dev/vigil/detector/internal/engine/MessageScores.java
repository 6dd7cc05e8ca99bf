package dev.vigil.detector.internal.engine;

import dev.vigil.detector.Evidence;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.detector.spi.ScoreSink;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects what the classifiers found in one message: per stage and per signal a combined score
 * (noisy-or of independent reports), vetoes, and the evidence behind each. Reused per thread.
 */
final class MessageScores implements ScoreSink {

  static final int STAGES = Stage.values().length;
  static final int SIGNALS = Signal.values().length;
  private static final Stage[] STAGE_VALUES = Stage.values();
  private static final Signal[] SIGNAL_VALUES = Signal.values();
  /** Evidence kept per message: enough for a moderator, bounded for hostile input. */
  static final int MAX_EVIDENCE = 12;

  /** What the message is labelled with: every classifier's scores. */
  final double[] stage = new double[STAGES];
  final double[] signal = new double[SIGNALS];
  /**
   * What counts towards the conversation's risk: the same scores without those of label-only
   * classifiers ({@link dev.vigil.detector.spi.Classifier#countsTowardRisk()}). Kept apart only
   * once a label-only classifier has run on this message ({@link #split}); until then the arrays
   * above serve both purposes and nothing is copied.
   */
  private final double[] riskStage = new double[STAGES];
  private final double[] riskSignal = new double[SIGNALS];
  private boolean split;
  private boolean labelsOnly;
  int stageVetoes;
  int signalVetoes;
  /** Evidence records as parallel arrays, turned into {@link Evidence} only when reported. */
  final String[] source = new String[MAX_EVIDENCE];
  final int[] target = new int[MAX_EVIDENCE]; // stage ordinal, or SIGNAL_BASE + signal ordinal
  final double[] weight = new double[MAX_EVIDENCE];
  final int[] start = new int[MAX_EVIDENCE];
  final int[] end = new int[MAX_EVIDENCE];
  int evidenceCount;
  private static final int SIGNAL_BASE = 100;
  /** Upper bound of offsets: spans are clamped to the scored text. */
  int textLength;

  void reset(int textLength) {
    Arrays.fill(stage, 0);
    Arrays.fill(signal, 0);
    stageVetoes = 0;
    signalVetoes = 0;
    evidenceCount = 0;
    split = false;
    labelsOnly = false;
    this.textLength = textLength;
  }

  /**
   * Whether what is reported from now on counts towards risk ({@code false}: it only labels the
   * message). The first switch to label-only copies the risk scores aside.
   */
  void countTowardRisk(boolean counts) {
    if (!counts && !split) {
      System.arraycopy(stage, 0, riskStage, 0, STAGES);
      System.arraycopy(signal, 0, riskSignal, 0, SIGNALS);
      split = true;
    }
    labelsOnly = !counts;
  }

  /** Stage scores that count towards risk (the labels' scores unless a label-only tier ran). */
  double[] riskStage() {
    return split ? riskStage : stage;
  }

  /** Signal scores that count towards risk. */
  double[] riskSignal() {
    return split ? riskSignal : signal;
  }

  private static double clamp(double p) {
    return p != p ? 0 : Math.max(0, Math.min(1, p));
  }

  @Override
  public void stage(Stage s, double probability, String ruleId, int from, int to) {
    java.util.Objects.requireNonNull(ruleId, "ruleId");
    double p = clamp(probability);
    if (p == 0) {
      return;
    }
    stage[s.ordinal()] = 1 - (1 - stage[s.ordinal()]) * (1 - p);
    if (split && !labelsOnly) {
      riskStage[s.ordinal()] = 1 - (1 - riskStage[s.ordinal()]) * (1 - p);
    }
    addEvidence(ruleId, s.ordinal(), p, from, to);
  }

  @Override
  public void signal(Signal s, double probability, String ruleId, int from, int to) {
    java.util.Objects.requireNonNull(ruleId, "ruleId");
    double p = clamp(probability);
    if (p == 0) {
      return;
    }
    signal[s.ordinal()] = 1 - (1 - signal[s.ordinal()]) * (1 - p);
    if (split && !labelsOnly) {
      riskSignal[s.ordinal()] = 1 - (1 - riskSignal[s.ordinal()]) * (1 - p);
    }
    addEvidence(ruleId, SIGNAL_BASE + s.ordinal(), p, from, to);
  }

  @Override
  public void vetoStage(Stage s, String ruleId) {
    java.util.Objects.requireNonNull(ruleId, "ruleId");
    stageVetoes |= 1 << s.ordinal();
  }

  @Override
  public void vetoSignal(Signal s, String ruleId) {
    java.util.Objects.requireNonNull(ruleId, "ruleId");
    signalVetoes |= 1 << s.ordinal();
  }

  private void addEvidence(String ruleId, int tgt, double p, int from, int to) {
    int a = Math.max(0, Math.min(from, textLength));
    int b = Math.max(a, Math.min(to, textLength));
    if (evidenceCount < MAX_EVIDENCE) {
      int i = evidenceCount++;
      source[i] = ruleId;
      target[i] = tgt;
      weight[i] = p;
      start[i] = a;
      end[i] = b;
      return;
    }
    // Full: replace the weakest record if this one is stronger.
    int weakest = 0;
    for (int i = 1; i < MAX_EVIDENCE; i++) {
      if (weight[i] < weight[weakest]) {
        weakest = i;
      }
    }
    if (p > weight[weakest]) {
      source[weakest] = ruleId;
      target[weakest] = tgt;
      weight[weakest] = p;
      start[weakest] = a;
      end[weakest] = b;
    }
  }

  private final double[] savedStage = new double[STAGES];
  private final double[] savedSignal = new double[SIGNALS];
  private int savedStageVetoes;
  private int savedSignalVetoes;
  private int savedEvidenceCount;
  private final double[] savedRiskStage = new double[STAGES];
  private final double[] savedRiskSignal = new double[SIGNALS];
  private boolean savedSplit;

  /** Remembers the scores so far, before a plug-in adds to them. */
  void checkpoint() {
    System.arraycopy(stage, 0, savedStage, 0, STAGES);
    System.arraycopy(signal, 0, savedSignal, 0, SIGNALS);
    savedStageVetoes = stageVetoes;
    savedSignalVetoes = signalVetoes;
    savedEvidenceCount = evidenceCount;
    savedSplit = split;
    if (split) {
      System.arraycopy(riskStage, 0, savedRiskStage, 0, STAGES);
      System.arraycopy(riskSignal, 0, savedRiskSignal, 0, SIGNALS);
    }
  }

  /**
   * Returns to the last checkpoint: drops what a failed plug-in reported (evidence it displaced
   * from a full buffer stays lost, which only narrows the evidence list).
   */
  void rollback() {
    System.arraycopy(savedStage, 0, stage, 0, STAGES);
    System.arraycopy(savedSignal, 0, signal, 0, SIGNALS);
    stageVetoes = savedStageVetoes;
    signalVetoes = savedSignalVetoes;
    evidenceCount = Math.min(evidenceCount, savedEvidenceCount);
    split = savedSplit;
    if (split) {
      System.arraycopy(savedRiskStage, 0, riskStage, 0, STAGES);
      System.arraycopy(savedRiskSignal, 0, riskSignal, 0, SIGNALS);
    }
  }

  /** Applies vetoes: a vetoed stage or signal scores 0 for this message. */
  void applyVetoes() {
    for (int i = 0; i < STAGES; i++) {
      if ((stageVetoes & (1 << i)) != 0) {
        stage[i] = 0;
        riskStage[i] = 0;
      }
    }
    for (int i = 0; i < SIGNALS; i++) {
      if ((signalVetoes & (1 << i)) != 0) {
        signal[i] = 0;
        riskSignal[i] = 0;
      }
    }
  }

  /** The highest stage score that counts towards risk. */
  double maxStage() {
    double m = 0;
    for (double v : riskStage()) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** The evidence that survived vetoes, as an immutable list of public records. */
  List<Evidence> evidence(int messageIndex, @Nullable String text) {
    if (evidenceCount == 0) {
      return List.of();
    }
    Evidence[] out = new Evidence[evidenceCount];
    int n = 0;
    for (int i = 0; i < evidenceCount; i++) {
      Stage st = null;
      Signal sg = null;
      if (target[i] >= SIGNAL_BASE) {
        int k = target[i] - SIGNAL_BASE;
        if ((signalVetoes & (1 << k)) != 0) {
          continue;
        }
        sg = SIGNAL_VALUES[k];
      } else {
        if ((stageVetoes & (1 << target[i])) != 0) {
          continue;
        }
        st = STAGE_VALUES[target[i]];
      }
      String snippet = text == null ? null : text.substring(start[i], end[i]);
      out[n++] = new Evidence(messageIndex, start[i], end[i], source[i], st, sg, weight[i], snippet);
    }
    return n == out.length ? List.of(out) : List.of(Arrays.copyOf(out, n));
  }
}
