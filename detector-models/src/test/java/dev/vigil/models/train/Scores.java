package dev.vigil.models.train;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The figures the issue compares, computed as {@code vigil-cli eval} defines them: harmful
 * conversations at HIGH or above (recall), benign conversations at HIGH or above (benign rate),
 * stage macro-F1 on the suspects' messages (stages with support only), signal micro-F1 on every
 * message.
 */
record Scores(int harmful, int harmfulFlagged, int benign, int benignFlagged, double stageMacroF1,
    double signalMicroF1, long[] stageTp, long[] stageFp, long[] stageFn, long[] signalTp, long[] signalFp,
    long[] signalFn) {

  double recall() {
    return harmful == 0 ? 0 : harmfulFlagged / (double) harmful;
  }

  double benignRate() {
    return benign == 0 ? 0 : benignFlagged / (double) benign;
  }

  /** Scores {@code conversations} with {@code detector} (one tracker for all). */
  static Scores of(Detector detector, List<TuneCorpus.Conv> conversations) {
    int nStage = Stage.values().length;
    int nSignal = Signal.values().length;
    long[] stp = new long[nStage];
    long[] sfp = new long[nStage];
    long[] sfn = new long[nStage];
    long[] gtp = new long[nSignal];
    long[] gfp = new long[nSignal];
    long[] gfn = new long[nSignal];
    int harmful = 0;
    int harmfulFlagged = 0;
    int benign = 0;
    int benignFlagged = 0;
    ConversationTracker tracker = detector.newTracker();
    for (TuneCorpus.Conv c : conversations) {
      Set<String> suspects = new HashSet<>();
      for (TuneCorpus.Msg m : c.messages()) {
        if (m.stage() != null) {
          suspects.add(m.sender());
        }
      }
      RiskLevel max = RiskLevel.NONE;
      for (TuneCorpus.Msg m : c.messages()) {
        Assessment a = tracker.observe(Message.of(c.id(), m.sender(), m.time(), m.text()));
        if (a.level().compareTo(max) > 0) {
          max = a.level();
        }
        if (suspects.contains(m.sender())) {
          Stage gold = m.stage();
          Stage pred = a.stage();
          if (gold != null && gold == pred) {
            stp[gold.ordinal()]++;
          } else {
            if (gold != null) {
              sfn[gold.ordinal()]++;
            }
            if (pred != null) {
              sfp[pred.ordinal()]++;
            }
          }
        }
        for (Signal s : Signal.values()) {
          boolean g = m.signals().contains(s);
          boolean p = a.signals().contains(s);
          int i = s.ordinal();
          gtp[i] += g && p ? 1 : 0;
          gfp[i] += !g && p ? 1 : 0;
          gfn[i] += g && !p ? 1 : 0;
        }
      }
      boolean flagged = max.isAtLeast(RiskLevel.HIGH);
      if (c.harmful()) {
        harmful++;
        harmfulFlagged += flagged ? 1 : 0;
      } else {
        benign++;
        benignFlagged += flagged ? 1 : 0;
      }
    }
    return of(harmful, harmfulFlagged, benign, benignFlagged, stp, sfp, sfn, gtp, gfp, gfn);
  }

  /** Pools the counts of several parts (stage macro-F1 and signal micro-F1 from the pooled counts). */
  static Scores merge(List<Scores> parts) {
    int nStage = Stage.values().length;
    int nSignal = Signal.values().length;
    long[] stp = new long[nStage];
    long[] sfp = new long[nStage];
    long[] sfn = new long[nStage];
    long[] gtp = new long[nSignal];
    long[] gfp = new long[nSignal];
    long[] gfn = new long[nSignal];
    int h = 0;
    int hf = 0;
    int b = 0;
    int bf = 0;
    for (Scores s : parts) {
      h += s.harmful;
      hf += s.harmfulFlagged;
      b += s.benign;
      bf += s.benignFlagged;
      for (int i = 0; i < nStage; i++) {
        stp[i] += s.stageTp[i];
        sfp[i] += s.stageFp[i];
        sfn[i] += s.stageFn[i];
      }
      for (int i = 0; i < nSignal; i++) {
        gtp[i] += s.signalTp[i];
        gfp[i] += s.signalFp[i];
        gfn[i] += s.signalFn[i];
      }
    }
    return of(h, hf, b, bf, stp, sfp, sfn, gtp, gfp, gfn);
  }

  private static Scores of(int harmful, int harmfulFlagged, int benign, int benignFlagged, long[] stp,
      long[] sfp, long[] sfn, long[] gtp, long[] gfp, long[] gfn) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < stp.length; i++) {
      if (stp[i] + sfn[i] > 0) {
        sum += f1(stp[i], sfp[i], sfn[i]);
        n++;
      }
    }
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < gtp.length; i++) {
      tp += gtp[i];
      fp += gfp[i];
      fn += gfn[i];
    }
    return new Scores(harmful, harmfulFlagged, benign, benignFlagged, n == 0 ? 0 : sum / n, f1(tp, fp, fn),
        stp, sfp, sfn, gtp, gfp, gfn);
  }

  static double f1(long tp, long fp, long fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "recall %d/%d=%.3f benign %d/%d=%.3f stageF1 %.3f signalF1 %.3f",
        harmfulFlagged, harmful, recall(), benignFlagged, benign, benignRate(), stageMacroF1, signalMicroF1);
  }
}
