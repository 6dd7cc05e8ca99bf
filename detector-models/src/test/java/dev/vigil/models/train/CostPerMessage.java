package dev.vigil.models.train;

import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.models.TrainedClassifierProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A quick timing loop (not a benchmark: the JMH suite lives in detector-benchmarks): replays the
 * first tuning part through a rules-only detector, through the trained tier's cascade alone and
 * through the tier as shipped (every message, confident labels), after a warm-up, on one thread,
 * and prints the mean cost per message of each and the ratios to the rules.
 *
 * <pre>
 * mvn -B -q -pl detector-models -P train test-compile exec:java -Dvigil.train.main=dev.vigil.models.train.CostPerMessage
 * </pre>
 */
public final class CostPerMessage {

  private CostPerMessage() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length == 2 && args[0].equals("--root") ? args[1] : ".");
    Path tune = root.resolve("corpus/tune");
    List<TuneCorpus.Conv> convs = TuneCorpus.read(TuneCorpus.files(tune));
    List<Message> messages = new ArrayList<>();
    for (TuneCorpus.Conv c : convs) {
      for (TuneCorpus.Msg m : c.messages()) {
        messages.add(Message.of(c.id(), m.sender(), m.time(), m.text()));
      }
    }
    Detector rules = Detector.builder().serviceLoading(false).build();
    Detector cascade = Detector.builder().serviceLoading(false).addClassifier(new TrainedClassifierProvider()
        .create(Map.of(TrainedClassifierProvider.CONFIDENT_LABELS, "false"))).build();
    Detector shipped = Detector.builder().serviceLoading(false)
        .addClassifier(new TrainedClassifierProvider().create(Map.of())).build();
    int rounds = 30;
    for (int warm = 0; warm < 2; warm++) {
      double r = time(rules, messages, rounds);
      double c = time(cascade, messages, rounds);
      double a = time(shipped, messages, rounds);
      System.err.printf(Locale.ROOT, "%s: rules %.1f us/message; rules + trained, cascade only (confident_labels"
          + "=false) %.1f (%.1fx); rules + trained as shipped (every message, confident labels) %.1f (%.1fx);"
          + " so the tier costs %.1f us a message it reads (%d messages x %d rounds, one thread)%n",
          warm == 0 ? "warm-up" : "measured", r, c, c / r, a, a / r, a - r, messages.size(), rounds);
    }
  }

  /** Mean microseconds per message of replaying {@code messages} {@code rounds} times, one thread. */
  static double time(Detector d, List<Message> messages, int rounds) {
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      ConversationTracker t = d.newTracker();
      for (Message m : messages) {
        t.observe(m);
      }
    }
    return (System.nanoTime() - start) / 1e3 / rounds / messages.size();
  }
}
