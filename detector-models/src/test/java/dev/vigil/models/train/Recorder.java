package dev.vigil.models.train;

import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.MessageView;
import dev.vigil.detector.spi.ScoreSink;
import dev.vigil.models.internal.HashedFeatures;
import dev.vigil.models.internal.SparseVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes training vectors exactly as the runtime does: it replays conversations through a real
 * rules-only detector and records, from inside the pipeline, what {@link HashedFeatures} makes of
 * each message's {@link MessageView} (analysed terms and the conversation context as the engine
 * sees it). Not thread-safe.
 */
final class Recorder implements Classifier {

  /**
   * A recorded feature vector (a copy), with the conversation's risk before the message as the
   * rules saw it (for calibrating on the messages the cascade gate lets through).
   */
  record Vec(int[] index, double[] value, double risk) {
    static Vec of(SparseVector v, double risk) {
      int[] i = new int[v.size()];
      double[] x = new double[v.size()];
      for (int k = 0; k < v.size(); k++) {
        i[k] = v.index(k);
        x[k] = v.value(k);
      }
      return new Vec(i, x, risk);
    }

    SparseVector toSparse() {
      SparseVector s = new SparseVector();
      for (int k = 0; k < index.length; k++) {
        s.add(index[k], value[k]);
      }
      s.compact();
      return s;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Vec v && Arrays.equals(index, v.index) && Arrays.equals(value, v.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(index) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Vec" + Arrays.toString(index);
    }
  }

  private final HashedFeatures features;
  private final HashedFeatures.Scratch scratch = new HashedFeatures.Scratch();
  private Vec last;

  Recorder(HashedFeatures features) {
    this.features = features;
  }

  @Override
  public String name() {
    return "recorder";
  }

  @Override
  public void classify(MessageView message, ScoreSink out) {
    last = Vec.of(features.compute(message, scratch), message.conversation().risk());
  }

  /** The vectors of every message of {@code conversations}, in order. */
  static List<List<Vec>> record(HashedFeatures features, List<TuneCorpus.Conv> conversations) {
    Recorder rec = new Recorder(features);
    Detector detector = Detector.builder().serviceLoading(false).addClassifier(rec).build();
    ConversationTracker tracker = detector.newTracker();
    List<List<Vec>> out = new ArrayList<>();
    for (TuneCorpus.Conv c : conversations) {
      List<Vec> vs = new ArrayList<>();
      for (TuneCorpus.Msg m : c.messages()) {
        rec.last = null;
        tracker.observe(Message.of(c.id(), m.sender(), m.time(), m.text()));
        if (rec.last == null) {
          throw new IllegalStateException("the recorder did not run on a message of " + c.id());
        }
        vs.add(rec.last);
      }
      out.add(vs);
    }
    return out;
  }
}
