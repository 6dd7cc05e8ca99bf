package dev.vigil.models.train;

import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.MessageView;
import dev.vigil.detector.spi.ScoreSink;
import dev.vigil.models.TrainedClassifierProvider;
import dev.vigil.models.TransformerClassifierProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A quick timing loop for the transformer tier (not a benchmark: the JMH suite lives in
 * detector-benchmarks): replays the tuning corpus, after a warm-up, on one thread, through rules
 * alone, rules + trained, rules + trained + transformer (the shipped cascade) and rules + trained +
 * transformer on every message, and prints the mean cost per message of each, the share of
 * messages the cascade lets the transformer read, and the tier's own cost on a message it reads.
 *
 * <pre>
 * mvn -B -q -pl detector-models -P train test-compile exec:java -Dvigil.train.main=dev.vigil.models.train.TransformerCostPerMessage
 * </pre>
 */
public final class TransformerCostPerMessage {

  private TransformerCostPerMessage() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length == 2 && args[0].equals("--root") ? args[1] : ".");
    List<TuneCorpus.Conv> convs = TuneCorpus.read(TuneCorpus.files(root.resolve("corpus/tune")));
    List<Message> messages = new ArrayList<>();
    for (TuneCorpus.Conv c : convs) {
      for (TuneCorpus.Msg m : c.messages()) {
        messages.add(Message.of(c.id(), m.sender(), m.time(), m.text()));
      }
    }
    Classifier trained = new TrainedClassifierProvider().create(Map.of());
    Classifier cascade = new TransformerClassifierProvider().create(Map.of());
    Classifier every = new TransformerClassifierProvider()
        .create(Map.of(TransformerClassifierProvider.EVERY_MESSAGE, "true"));
    Detector rules = Detector.builder().serviceLoading(false).build();
    Detector rt = Detector.builder().serviceLoading(false).addClassifier(trained).build();
    Detector rtt = Detector.builder().serviceLoading(false).addClassifier(trained).addClassifier(cascade).build();
    Detector rte = Detector.builder().serviceLoading(false).addClassifier(trained).addClassifier(every).build();
    // How many messages the shipped gate lets through.
    int[] read = new int[1];
    Classifier counter = new Classifier() {
      @Override
      public String name() {
        return "counter";
      }

      @Override
      public void classify(MessageView m, ScoreSink out) {
        read[0] += cascade.wants(m, 0) ? 1 : 0;
      }
    };
    ConversationTracker ct = Detector.builder().serviceLoading(false).addClassifier(trained).addClassifier(counter)
        .build().newTracker();
    messages.forEach(ct::observe);
    int rounds = 5;
    for (int warm = 0; warm < 2; warm++) {
      double r = CostPerMessage.time(rules, messages, rounds * 4);
      double a = CostPerMessage.time(rt, messages, rounds * 4);
      double c = CostPerMessage.time(rtt, messages, rounds);
      double e = CostPerMessage.time(rte, messages, rounds);
      System.err.printf(Locale.ROOT, "%s: rules %.1f us/message; rules + trained %.1f; rules + trained +"
          + " transformer (cascade, shipped gate: it reads %d of %d messages, %.1f%%) %.1f; with the transformer"
          + " on every message %.1f; so the tier costs %.0f us on a message it reads (%d rounds, one thread)%n",
          warm == 0 ? "warm-up" : "measured", r, a, read[0], messages.size(), 100.0 * read[0] / messages.size(), c, e,
          e - a, rounds);
    }
  }

}
