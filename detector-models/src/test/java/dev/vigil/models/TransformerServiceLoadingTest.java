package dev.vigil.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.ClassifierProvider;
import dev.vigil.detector.spi.MessageView;
import dev.vigil.detector.spi.ScoreSink;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransformerServiceLoadingTest {

  private static final TransformerClassifierProvider P = new TransformerClassifierProvider();

  @Test
  void serviceLoader_findsTheTransformerProvider() {
    List<String> names = ServiceLoader.load(ClassifierProvider.class).stream().map(p -> p.get().name()).toList();
    assertTrue(names.contains(TransformerClassifierProvider.NAME), names.toString());
  }

  @Test
  void defaultDetector_runsTheTransformerAfterTheTrainedTier() {
    List<String> pipeline = Detector.builder().build().pipeline();
    assertTrue(pipeline.indexOf("lexicon") < pipeline.indexOf(TrainedClassifierProvider.NAME)
        && pipeline.indexOf(TrainedClassifierProvider.NAME) < pipeline.indexOf(TransformerClassifierProvider.NAME),
        pipeline.toString());
  }

  @Test
  void create_shippedModel_isLoadedOnceAndShared() {
    Classifier a = P.create(Map.of());
    assertSame(a, P.create(Map.of()));
    assertEquals(TransformerClassifierProvider.NAME, a.name());
    assertFalse(a.countsTowardRisk());
    assertTrue(P.create(Map.of(TransformerClassifierProvider.COUNTS_TOWARD_RISK, "true")).countsTowardRisk());
  }

  @Test
  void create_unknownParameter_isRejectedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> P.create(Map.of("url", "http://example.invalid/model")));
    assertTrue(e.getMessage().contains("url")
        && e.getMessage().contains("[counts_toward_risk, every_message, min_risk, path]"), e.getMessage());
  }

  @Test
  void create_badValues_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> P.create(Map.of(TransformerClassifierProvider.MIN_RISK, "2")));
    assertThrows(IllegalArgumentException.class,
        () -> P.create(Map.of(TransformerClassifierProvider.MIN_RISK, "medium")));
    assertThrows(IllegalArgumentException.class,
        () -> P.create(Map.of(TransformerClassifierProvider.EVERY_MESSAGE, "yes")));
    assertThrows(IllegalArgumentException.class,
        () -> P.create(Map.of(TransformerClassifierProvider.COUNTS_TOWARD_RISK, "maybe")));
    assertThrows(IllegalStateException.class, () -> P.create(Map.of(TransformerClassifierProvider.EVERY_MESSAGE,
        "true", TransformerClassifierProvider.MIN_RISK, "0.45")));
  }

  @Test
  void gate_shippedSkipsACalmConversation_everyMessageAndMinRiskZeroRunIt() {
    Classifier shipped = P.create(Map.of());
    Classifier every = P.create(Map.of(TransformerClassifierProvider.EVERY_MESSAGE, "true"));
    Classifier zero = P.create(Map.of(TransformerClassifierProvider.MIN_RISK, "0"));
    AtomicInteger ran = new AtomicInteger();
    Classifier probe = new Classifier() {
      @Override
      public String name() {
        return "probe";
      }

      @Override
      public void classify(MessageView m, ScoreSink out) {
        ran.addAndGet((shipped.wants(m, 0) ? 100 : 0) + (every.wants(m, 0) ? 1 : 0) + (zero.wants(m, 0) ? 10 : 0));
      }
    };
    Detector.builder().serviceLoading(false).addClassifier(probe).build().newTracker()
        .observe(Message.of("c", "u", Instant.EPOCH, "hello there"));
    assertEquals(11, ran.get());
  }

  @Test
  void everyMessage_reportsUnderItsEvidenceId() {
    // The tier run on every message of a scripted exchange reports some label, under its id.
    Classifier tier = P.create(Map.of(TransformerClassifierProvider.EVERY_MESSAGE, "true"));
    List<String> ids = new java.util.ArrayList<>();
    Classifier spy = new Classifier() {
      @Override
      public String name() {
        return "spy";
      }

      @Override
      public void classify(MessageView m, ScoreSink out) {
        tier.classify(m, new ScoreSink() {
          @Override
          public void stage(dev.vigil.detector.Stage stage, double p, String ruleId, int start, int end) {
            ids.add(ruleId);
          }

          @Override
          public void signal(dev.vigil.detector.Signal signal, double p, String ruleId, int start, int end) {
            ids.add(ruleId);
          }

          @Override
          public void vetoStage(dev.vigil.detector.Stage stage, String ruleId) {}

          @Override
          public void vetoSignal(dev.vigil.detector.Signal signal, String ruleId) {}
        });
      }
    };
    ConversationTracker t = Detector.builder().serviceLoading(false).addClassifier(spy).build().newTracker();
    Instant time = Instant.parse("2026-01-01T20:00:00Z");
    for (int i = 0; i < SCRIPT.length; i++) {
      t.observe(Message.of("c", i % 2 == 0 ? "s" : "v", time.plusSeconds(60L * i), SCRIPT[i]));
    }
    assertFalse(ids.isEmpty(), "the tier reported nothing on a scripted conversation");
    assertTrue(ids.stream().allMatch("transformer.minilm"::equals), ids.toString());
  }

  private static final String[] SCRIPT = {"hey, you're really good at this game", "thanks lol",
      "have you ever had a boyfriend?", "no", "send one without your shirt", "why",
      "pay me 200 or I send your pics to everyone at your school", "please don't"};
}
