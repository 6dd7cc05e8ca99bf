package dev.vigil.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.input.GoldClass;
import dev.vigil.cli.input.LabelledMessage;
import dev.vigil.cli.input.SmsReader;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.Message;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  private static final double EPS = 1e-9;
  private static final Instant T0 = Instant.parse("2026-02-01T18:00:00Z");

  private int line;

  private void add(Evaluation ev, String conv, String sender, int minute, @Nullable GoldClass gold,
      @Nullable Stage goldStage, Set<Signal> goldSignals, @Nullable Stage stage,
      Set<Signal> signals, RiskLevel level) {
    Message m = Message.of(conv, sender, T0.plusSeconds(60L * minute), "text");
    ev.add(new LabelledMessage(++line, m, gold, goldStage, goldSignals, null),
        Prediction.of(stage, signals, level));
  }

  /**
   * Four conversations with known answers:
   * en-1 grooming, flagged at message 2 (tp); fr-2 benign, never flagged (tn);
   * x-3 sextortion, never flagged (fn, unknown language); fr-4 benign, flagged (fp).
   */
  private Evaluation tiny() {
    Evaluation ev = new Evaluation();
    GoldClass g = GoldClass.GROOMING;
    add(ev, "en-1", "s", 0, g, Stage.FRIENDSHIP, Set.of(), Stage.FRIENDSHIP, Set.of(), RiskLevel.LOW);
    add(ev, "en-1", "v", 1, g, null, Set.of(), null, Set.of(), RiskLevel.LOW);
    add(ev, "en-1", "s", 2, g, Stage.PERSONAL_INFO, Set.of(Signal.AGE_QUERY), Stage.PERSONAL_INFO,
        Set.of(Signal.AGE_QUERY), RiskLevel.HIGH);
    add(ev, "en-1", "s", 3, g, Stage.SECRECY, Set.of(), null, Set.of(), RiskLevel.MEDIUM);
    GoldClass b = GoldClass.BENIGN;
    add(ev, "fr-2", "a", 0, b, null, Set.of(), null, Set.of(Signal.PLATFORM_MIGRATION), RiskLevel.LOW);
    add(ev, "fr-2", "c", 1, b, null, Set.of(), null, Set.of(), RiskLevel.LOW);
    GoldClass s = GoldClass.SEXTORTION;
    add(ev, "x-3", "t", 0, s, null, Set.of(), null, Set.of(), RiskLevel.NONE);
    add(ev, "x-3", "t", 1, s, Stage.EXTORTION, Set.of(Signal.THREAT), Stage.EXTORTION, Set.of(),
        RiskLevel.MEDIUM);
    add(ev, "fr-4", "a", 0, b, null, Set.of(), null, Set.of(), RiskLevel.NONE);
    add(ev, "fr-4", "a", 1, b, null, Set.of(), null, Set.of(), RiskLevel.CRITICAL);
    ev.addMalformed();
    return ev;
  }

  @Test
  void report_conversations_usesMaximumLevelAndSplitsByLanguage() {
    EvalReport r = tiny().report(RiskLevel.HIGH, false);
    assertEquals(new BinaryCounts(1, 1, 1, 1), r.conversations().all());
    assertEquals(0.5, r.conversations().all().f05(), EPS);
    assertEquals(new BinaryCounts(1, 0, 0, 0), r.conversations().byLanguage().get("en"));
    assertEquals(new BinaryCounts(0, 1, 0, 1), r.conversations().byLanguage().get("fr"));
    assertEquals(3, r.conversations().byLanguage().size(), "all, en, fr; x-3 counts in all only");
    assertEquals(10, r.messages());
    assertEquals(1, r.malformed());
  }

  @Test
  void report_lowerThreshold_flagsMore() {
    EvalReport r = tiny().report(RiskLevel.MEDIUM, false);
    assertEquals(new BinaryCounts(2, 1, 0, 1), r.conversations().all());
  }

  @Test
  void report_stages_onSuspectsMessagesOnly() {
    EvalReport r = tiny().report(RiskLevel.HIGH, false);
    ConfusionMatrix m = r.stages().confusion();
    assertEquals(5, m.total(), "3 messages of en-1's suspect, 2 of x-3's; victims and benign out");
    assertEquals(1, m.count(Stage.SECRECY, null));
    assertEquals(1, m.count(null, null));
    // FRIENDSHIP, PERSONAL_INFO, EXTORTION score 1, SECRECY 0.
    assertEquals(0.75, r.stages().macroF1(), EPS);
  }

  @Test
  void report_signals_overAllMessages() {
    EvalReport r = tiny().report(RiskLevel.HIGH, false);
    assertEquals(10, r.signals().messages());
    assertEquals(new LabelCounts(1, 0, 0), r.signals().perSignal().get(Signal.AGE_QUERY));
    assertEquals(new LabelCounts(0, 1, 0), r.signals().perSignal().get(Signal.PLATFORM_MIGRATION));
    assertEquals(new LabelCounts(0, 0, 1), r.signals().perSignal().get(Signal.THREAT));
    assertEquals(0.5, r.signals().microF1(), EPS);
  }

  @Test
  void report_earlyWarning_latencyAndLatencyWeightedF1() {
    EvalReport.EarlyWarning ew = tiny().report(RiskLevel.HIGH, false).earlyWarning();
    assertEquals(2, ew.conversations().size());
    EvalReport.Latency en = ew.conversations().get(0);
    assertEquals("en-1", en.conversation());
    assertEquals(0, en.start());
    assertEquals(2, en.alert());
    assertEquals(2, en.messages());
    assertEquals(120L, en.seconds());
    EvalReport.Latency x = ew.conversations().get(1);
    assertEquals(1, x.start(), "the first gold-staged message");
    assertNull(x.alert());
    assertEquals(1, ew.detected());
    assertEquals(1, ew.missed());
    // Median length of the 4 labelled conversations is 2, so p = ln 3 and the one true positive,
    // flagged after k = 3 messages, has penalty -1 + 2 / (1 + 1/9) = 0.8: speed 0.2.
    assertEquals(2, ew.medianLength(), EPS);
    assertEquals(Math.log(3), ew.p(), EPS);
    assertEquals(0.2, ew.speed(), EPS);
    assertEquals(0.5 * 0.2, ew.latencyWeightedF1(), EPS);
    assertEquals(2.0, ew.medianMessages(), EPS);
  }

  @Test
  void report_benign_countsAlertPairsEpisodesAndSpamApart() {
    Evaluation ev = new Evaluation();
    RiskLevel[] levels = {RiskLevel.LOW, RiskLevel.HIGH, RiskLevel.HIGH, RiskLevel.LOW,
        RiskLevel.CRITICAL};
    for (int i = 0; i < levels.length; i++) {
      Message m = Message.of("room", "u" + i, T0.plusSeconds(i), "text");
      List<Evidence> evidence = i == 1
          ? List.of(new Evidence(1, 0, 5, "lexicon:en:test.rule", Stage.FRIENDSHIP, null, 0.5, null))
          : List.of();
      ev.add(LabelledMessage.of(i + 1, m),
          new Prediction(null, Set.of(), levels[i], 0.7, "u1", evidence));
    }
    Message spam = Message.of("sms-9", "s", T0, "text");
    ev.add(new LabelledMessage(9, spam, GoldClass.BENIGN, null, Set.of(), SmsReader.SPAM),
        Prediction.of(null, Set.of(), RiskLevel.HIGH));

    EvalReport r = ev.report(RiskLevel.HIGH, true);
    EvalReport.BenignMetrics b = r.benign();
    assertNotNull(b);
    assertEquals(5, b.messages());
    assertEquals(3, b.alerts());
    assertEquals(600, b.alertsPer1000(), EPS);
    assertEquals(2, b.episodes().size());
    assertEquals(1, b.conversationsAlerted());
    assertEquals(1, b.conversations());
    assertEquals(1, b.spamMessages());
    assertEquals(1, b.spamAlerts());
    EvalReport.AlertEpisode first = b.episodes().get(0);
    assertEquals(1, first.first());
    assertEquals(2, first.last());
    assertEquals(2, first.messages());
    assertEquals(1, first.evidence().size());
    assertEquals(new BinaryCounts(0, 2, 0, 0), r.conversations().all(),
        "in benign mode unlabelled conversations count as BENIGN");
  }

  @Test
  void toJson_hasTheRequiredNumericFields() {
    JsonNode json = tiny().report(RiskLevel.HIGH, true).toJson();
    for (String path : List.of("/conversations/precision", "/conversations/recall",
        "/conversations/f1", "/conversations/f05", "/stages/macro_f1", "/signals/micro_f1",
        "/early_warning/latency_weighted_f1", "/benign/alerts_per_1000")) {
      assertTrue(json.at(path).isNumber(), path);
    }
    assertEquals(0.1, json.at("/early_warning/latency_weighted_f1").asDouble(), EPS);
    assertEquals("missed", json.at("/early_warning/conversations/1/alert").asText());
  }

  @Test
  void toText_printsEverySection() {
    String text = tiny().report(RiskLevel.HIGH, false).toText();
    for (String section : List.of("Conversations", "Stages", "Signals", "Early warning",
        "latency-weighted F1")) {
      assertTrue(text.contains(section), section);
    }
    assertFalse(text.contains("Benign text"));
  }

  @Test
  void guessLanguage_prefixOrPart() {
    assertEquals("en", Evaluation.guessLanguage("en-h-test-001"));
    assertEquals("fr", Evaluation.guessLanguage("sample-fr-1"));
    assertEquals("fr", Evaluation.guessLanguage("FR_12"));
    assertNull(Evaluation.guessLanguage("french-1"));
    assertNull(Evaluation.guessLanguage("sms-12"));
  }
}
