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
 * tuning corpus through a rules-only detector and through the default one with the trained tier,
 * after a warm-up, on one thread, and prints the mean cost per message of each and the difference.
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
    Detector all = Detector.builder().serviceLoading(false)
        .addClassifier(new TrainedClassifierProvider().create(Map.of())).build();
    Detector every = Detector.builder().serviceLoading(false).addClassifier(new TrainedClassifierProvider()
        .create(Map.of(TrainedClassifierProvider.MIN_RISK, "0"))).build();
    int rounds = 30;
    for (int warm = 0; warm < 2; warm++) {
      double r = time(rules, messages, rounds);
      double a = time(all, messages, rounds);
      double e = time(every, messages, rounds);
      System.err.printf(Locale.ROOT, "%s: rules %.1f us/message; rules + trained (cascade, shipped gate) %.1f;"
          + " rules + trained on every message %.1f; so the tier costs %.1f us where it runs"
          + " (%d messages x %d rounds, one thread)%n", warm == 0 ? "warm-up" : "measured", r, a, e, e - r,
          messages.size(), rounds);
    }
  }

  private static double time(Detector d, List<Message> messages, int rounds) {
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
