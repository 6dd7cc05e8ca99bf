package dev.vigil.models.train;

import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.models.internal.ProbabilityModel;
import dev.vigil.models.internal.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

/**
 * Tribuo's in-memory stage and signal models as a {@link ProbabilityModel}: what the trainer
 * evaluates and what the parity test compares the ONNX export with. Feature names are the
 * zero-padded column numbers, so Tribuo's sorted feature ids follow the column order.
 */
final class TribuoModels implements ProbabilityModel {

  private static final String[] NAMES = new String[1 << 20];

  final Model<Label> stage;
  final Model<MultiLabel> signals;
  final List<String> stageLabels;
  final List<String> signalLabels;

  TribuoModels(Model<Label> stage, Model<MultiLabel> signals) {
    this.stage = stage;
    this.signals = signals;
    this.stageLabels = new ArrayList<>();
    for (int i = 0; i < stage.getOutputIDInfo().size(); i++) {
      stageLabels.add(stage.getOutputIDInfo().getOutput(i).getLabel());
    }
    this.signalLabels = new ArrayList<>();
    for (int i = 0; i < signals.getOutputIDInfo().size(); i++) {
      signalLabels.add(signals.getOutputIDInfo().getOutput(i).getLabelString());
    }
    for (String l : stageLabels) {
      if (!l.equals("NONE")) {
        Stage.valueOf(l);
      }
    }
    for (String l : signalLabels) {
      Signal.valueOf(l);
    }
  }

  /** The feature name of column {@code i}. */
  static String name(int i) {
    String s = NAMES[i];
    if (s == null) {
      s = String.format("%07d", i);
      NAMES[i] = s;
    }
    return s;
  }

  static String[] names(int[] index) {
    String[] n = new String[index.length];
    for (int k = 0; k < index.length; k++) {
      n[k] = name(index[k]);
    }
    return n;
  }

  @Override
  public void predict(SparseVector v, double[] stageOut, double[] signalOut) {
    int[] index = new int[v.size()];
    double[] value = new double[v.size()];
    for (int k = 0; k < v.size(); k++) {
      index[k] = v.index(k);
      value[k] = v.value(k);
    }
    predict(index, value, stageOut, signalOut);
  }

  void predict(int[] index, double[] value, double[] stageOut, double[] signalOut) {
    String[] names = names(index);
    Prediction<Label> p = stage.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, value));
    Map<String, Label> s = p.getOutputScores();
    for (int i = 0; i < stageLabels.size(); i++) {
      stageOut[i] = s.get(stageLabels.get(i)).getScore();
    }
    Prediction<MultiLabel> q = signals.predict(
        new ArrayExample<>(MultiLabelFactory.UNKNOWN_MULTILABEL, names, value));
    Map<String, MultiLabel> g = q.getOutputScores();
    for (int i = 0; i < signalLabels.size(); i++) {
      // A multi-label prediction scores each label inside its label set.
      String l = signalLabels.get(i);
      signalOut[i] = g.get(l).getLabelScore(new Label(l)).orElseThrow();
    }
  }
}
