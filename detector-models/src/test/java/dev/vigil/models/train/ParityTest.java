package dev.vigil.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.detector.Stage;
import dev.vigil.models.internal.FeatureSpec;
import dev.vigil.models.internal.HashedFeatures;
import dev.vigil.models.internal.ModelBundle;
import dev.vigil.models.internal.OutputMapping;
import dev.vigil.models.internal.SparseVector;
import dev.vigil.models.internal.TrainedClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX models agree with Tribuo's in-memory models (within {@value #TOLERANCE}) on the same
 * features: the shipped model against the probabilities the trainer recorded for it, and a small
 * model trained here, end to end through the real pipeline (features from the detector's message
 * view, export, checksummed loading, the ONNX Runtime scorer, the reporting path).
 */
class ParityTest {

  static final double TOLERANCE = 1e-5;

  @Test
  void shippedModel_matchesTribuoOnTheRecordedHeldBackVectors() throws IOException {
    ModelBundle bundle = ModelBundle.load(ModelBundle.classpath());
    JsonNode fixture;
    try (InputStream in = ParityTest.class.getResourceAsStream("/dev/vigil/models/parity.json")) {
      fixture = ModelBundle.json().readTree(in);
    }
    assertEquals(bundle.manifest().model().sha256(), fixture.get("model_sha256").asText(),
        "parity.json was written for another model: retrain with the Trainer, which writes both");
    int cases = 0;
    double worst = 0;
    for (JsonNode c : fixture.get("cases")) {
      SparseVector v = new SparseVector();
      for (int k = 0; k < c.get("index").size(); k++) {
        v.add(c.get("index").get(k).asInt(), c.get("value").get(k).asDouble());
      }
      v.compact();
      double[] stage = new double[c.get("stage").size()];
      double[] signals = new double[c.get("signals").size()];
      bundle.model().predict(v, stage, signals);
      for (int i = 0; i < stage.length; i++) {
        worst = Math.max(worst, Math.abs(stage[i] - c.get("stage").get(i).asDouble()));
      }
      for (int i = 0; i < signals.length; i++) {
        worst = Math.max(worst, Math.abs(signals[i] - c.get("signals").get(i).asDouble()));
      }
      cases++;
    }
    assertTrue(cases >= 50, "too few parity cases: " + cases);
    assertTrue(worst <= TOLERANCE, "ONNX and Tribuo differ by " + worst);
  }

  @Test
  void smallModel_onnxMatchesTribuo_endToEnd(@TempDir Path dir) throws Exception {
    Path tune = Path.of(System.getProperty("vigil.root", "..")).resolve("corpus/tune");
    Assumptions.assumeTrue(Files.isDirectory(tune), "corpus/tune not found beside the build: skipped");
    List<TuneCorpus.Conv> all = TuneCorpus.read(TuneCorpus.files(tune));
    List<TuneCorpus.Conv> train = new ArrayList<>();
    List<TuneCorpus.Conv> other = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      (i % 3 == 0 ? train : other).add(all.get(i));
    }
    HashedFeatures features = new HashedFeatures(FeatureSpec.defaults("", Map.of()));
    List<List<Recorder.Vec>> vecs = Recorder.record(features, train);
    List<Trainer.Ex> examples = new ArrayList<>();
    for (int c = 0; c < train.size(); c++) {
      for (int i = 0; i < train.get(c).messages().size(); i++) {
        TuneCorpus.Msg m = train.get(c).messages().get(i);
        examples.add(new Trainer.Ex(vecs.get(c).get(i), m.stage() == null ? "NONE" : m.stage().name(),
            m.signals(), 0, true));
      }
    }
    Trainer.Fitted fitted = Trainer.fit(examples, 2);
    double[][] thresholds = {new double[Stage.values().length + 1], new double[10]};
    Arrays.fill(thresholds[0], 0.5);
    Arrays.fill(thresholds[1], 0.5);
    double[][] confident = {new double[Stage.values().length + 1], new double[10]};
    Arrays.fill(confident[0], 0.8); // confident labels too: the manifest field and the early-message path
    Arrays.fill(confident[1], 0.8);
    Trainer.writeModelDir(dir, fitted, thresholds, confident, features, "test", Trainer.json().createObjectNode(),
        Trainer.json().createObjectNode());
    ModelBundle bundle = ModelBundle.load(ModelBundle.directory(dir));

    // Model level: the same vectors, recorded from unseen conversations.
    double worst = Trainer.parity(bundle, fitted.models(), examplesOf(features, other.subList(0, 20)));
    assertTrue(worst <= TOLERANCE, "ONNX and Tribuo differ by " + worst);

    // Pipeline level: the detector with the ONNX tier and with the Tribuo tier says the same.
    OutputMapping mapping = Trainer.mapping(fitted.models(), thresholds, confident);
    Detector onnx = Detector.builder().serviceLoading(false).addClassifier(bundle.classifier()).build();
    Detector tribuo = Detector.builder().serviceLoading(false)
        .addClassifier(new TrainedClassifier(features, fitted.models(), mapping, Trainer.MIN_RISK, false)).build();
    ConversationTracker a = onnx.newTracker();
    ConversationTracker b = tribuo.newTracker();
    int messages = 0;
    for (TuneCorpus.Conv c : other.subList(0, 20)) {
      for (TuneCorpus.Msg m : c.messages()) {
        Message msg = Message.of(c.id(), m.sender(), m.time(), m.text());
        Assessment x = a.observe(msg);
        Assessment y = b.observe(msg);
        assertEquals(x.stage(), y.stage());
        assertEquals(x.signals(), y.signals());
        assertEquals(x.level(), y.level());
        assertEquals(x.risk(), y.risk(), TOLERANCE);
        for (Map.Entry<Stage, Double> e : x.stageScores().entrySet()) {
          assertEquals(e.getValue(), y.stageScores().getOrDefault(e.getKey(), 0.0), TOLERANCE);
        }
        messages++;
      }
    }
    assertTrue(messages > 100);
  }

  private static List<Trainer.Ex> examplesOf(HashedFeatures f, List<TuneCorpus.Conv> convs) {
    List<List<Recorder.Vec>> vecs = Recorder.record(f, convs);
    List<Trainer.Ex> out = new ArrayList<>();
    for (List<Recorder.Vec> vs : vecs) {
      for (Recorder.Vec v : vs) {
        out.add(new Trainer.Ex(v, "NONE", java.util.Set.of(), 0, true));
      }
    }
    return out;
  }
}
