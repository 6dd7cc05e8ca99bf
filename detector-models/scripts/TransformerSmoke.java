import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.MessageView;
import dev.vigil.detector.spi.ScoreSink;
import dev.vigil.models.TransformerClassifierProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Used by check-no-network.sh (a single-file program: java -cp vigil-cli.jar TransformerSmoke.java
 * INPUT.jsonl): checks that the default detector's pipeline has the transformer tier, then runs
 * the tier on every message of the input and counts the messages it encoded and the labels it
 * reported. Prints counts only, never message text.
 */
public class TransformerSmoke {
  public static void main(String[] args) throws Exception {
    List<String> pipeline = Detector.builder().build().pipeline();
    if (!pipeline.contains(TransformerClassifierProvider.NAME)) {
      throw new IllegalStateException("the default pipeline has no transformer tier: " + pipeline);
    }
    Classifier tier = new TransformerClassifierProvider()
        .create(Map.of(TransformerClassifierProvider.EVERY_MESSAGE, "true"));
    int[] counts = new int[2];
    ScoreSink sink = new ScoreSink() {
      @Override
      public void stage(Stage stage, double p, String ruleId, int start, int end) {
        counts[1]++;
      }

      @Override
      public void signal(Signal signal, double p, String ruleId, int start, int end) {
        counts[1]++;
      }

      @Override
      public void vetoStage(Stage stage, String ruleId) {}

      @Override
      public void vetoSignal(Signal signal, String ruleId) {}
    };
    Classifier spy = new Classifier() {
      @Override
      public String name() {
        return "smoke";
      }

      @Override
      public void classify(MessageView m, ScoreSink out) {
        if (tier.wants(m, 0)) {
          counts[0]++;
          tier.classify(m, sink);
        }
      }
    };
    ConversationTracker t = Detector.builder().serviceLoading(false).addClassifier(spy).build().newTracker();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.isBlank()) {
        continue;
      }
      var n = json.readTree(line);
      t.observe(Message.of(n.get("conversation").asText(), n.get("sender").asText(),
          Instant.parse(n.get("time").asText()), n.get("text").asText()));
    }
    System.out.println("pipeline " + pipeline + "; transformer encoded " + counts[0] + " messages, reported "
        + counts[1] + " labels");
    if (counts[0] == 0 || counts[1] == 0) {
      throw new IllegalStateException("the transformer tier encoded or reported nothing");
    }
  }
}
