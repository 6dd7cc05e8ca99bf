package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.MessageView;
import dev.vigil.detector.spi.ScoreSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DetectorTest {

  private static final Detector DETECTOR = Detector.builder().build();
  /** Every signal a rule fires, from everyone: the cues below the default floors and roles. */
  private static final Detector EVERY_SIGNAL = Detector.builder().signalFloor(RiskLevel.NONE).build();
  private static final Instant T0 = Instant.parse("2026-03-01T17:00:00Z");

  private static Message msg(String conversation, String sender, int minute, String text) {
    return Message.of(conversation, sender, T0.plusSeconds(60L * minute), text);
  }

  /** Feeds {sender, text} pairs one minute apart to a new tracker; every message's assessment. */
  private static Assessment[] replay(Detector detector, String conversation, String[][] chat) {
    ConversationTracker tracker = detector.newTracker();
    Assessment[] out = new Assessment[chat.length];
    for (int i = 0; i < chat.length; i++) {
      out[i] = tracker.observe(msg(conversation, chat[i][0], i, chat[i][1]));
    }
    return out;
  }

  @Test
  void builder_badValues_failFastWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Detector.builder().maxConversations(0));
    assertTrue(e.getMessage().contains("0"));
    assertThrows(IllegalArgumentException.class, () -> Detector.builder().languages());
    assertThrows(IllegalArgumentException.class, () -> Detector.builder().languages(Language.UNDETERMINED));
    assertThrows(IllegalArgumentException.class, () -> Detector.builder().idleTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Detector.builder().maxSendersPerConversation(1));
  }

  @Test
  void message_badValues_failFast() {
    assertThrows(IllegalArgumentException.class, () -> Message.of("", "u", T0, "x"));
    assertThrows(NullPointerException.class, () -> Message.of("c", "u", T0, null));
    assertFalse(Message.of("c", "u", T0, "secret words").toString().contains("secret"),
        "toString must not leak message text");
  }

  @Test
  void pipeline_listsBuiltInTiers() {
    assertTrue(DETECTOR.pipeline().contains("lexicon"));
    assertTrue(DETECTOR.pipeline().contains("behaviour"));
  }

  @Test
  void observe_indexesMessagesPerConversation() {
    ConversationTracker t = DETECTOR.newTracker();
    assertEquals(0, t.observe(msg("a", "u1", 0, "hi")).messageIndex());
    assertEquals(0, t.observe(msg("b", "u9", 0, "hello")).messageIndex());
    assertEquals(1, t.observe(msg("a", "u2", 1, "hey")).messageIndex());
    assertEquals(2, t.size());
  }

  @Test
  void signals_whereTheRiskModelSeesNothing_areReportedOnlyFromAFloorOfNone() {
    // A move to Discord in a busy group room: the risk model keeps the room at NONE.
    String[][] room = {{"a", "hey guys"}, {"b", "yo"}, {"c", "sup"}, {"d", "hi"},
        {"a", "let's all move to discord, this app is laggy"}};
    Assessment quiet = replay(DETECTOR, "room", room)[room.length - 1];
    Assessment raw = replay(EVERY_SIGNAL, "room", room)[room.length - 1];
    assertEquals(RiskLevel.NONE, quiet.level());
    assertTrue(quiet.signals().isEmpty(), quiet.signals().toString());
    assertTrue(quiet.conversationSignals().isEmpty());
    assertFalse(quiet.evidence().isEmpty(), "the cue stays in the evidence");
    assertTrue(raw.signals().contains(Signal.PLATFORM_MIGRATION), raw.signals().toString());
    assertTrue(raw.conversationSignals().contains(Signal.PLATFORM_MIGRATION));

    // One-to-one, the same move makes the conversation LOW and the signal is reported.
    Assessment direct = DETECTOR.newTracker().observe(msg("dm", "a", 0, "add me on discord"));
    assertTrue(direct.isAtLeast(RiskLevel.LOW));
    assertTrue(direct.signals().contains(Signal.PLATFORM_MIGRATION), direct.signals().toString());
    assertThrows(NullPointerException.class, () -> Detector.builder().signalFloor(null));
  }

  @Test
  void signals_onceThereIsASuspect_areTheSuspectsMovesAndTheTargetsDistress() {
    String[][] chat = {
        {"adult", "ur so mature for ur age. how old are you?"},
        {"kid", "13. how old are you?"},
        {"adult", "dont tell ur parents we talk ok? add me on snap"},
        {"kid", "im so scared i want to die"}};
    Assessment[] quiet = replay(DETECTOR, "dm", chat);
    Assessment[] raw = replay(EVERY_SIGNAL, "dm", chat);
    assertEquals("adult", quiet[1].suspect());
    assertTrue(raw[1].signals().contains(Signal.AGE_QUERY), "the cue fires: " + raw[1].signals());
    assertFalse(quiet[1].signals().contains(Signal.AGE_QUERY), "asked back, not the suspect's move");
    assertTrue(quiet[2].signals().contains(Signal.SECRECY_REQUEST), quiet[2].signals().toString());
    assertTrue(quiet[3].signals().contains(Signal.VICTIM_DISTRESS), quiet[3].signals().toString());
  }

  @Test
  void lateSteps_areReportedFromMediumByDefault_andEachSignalsFloorCanBeSet() {
    // A lone "keep this between us" makes a one-to-one chat LOW: a surprise, a confidence.
    Message secret = msg("dm", "a", 0, "lets keep this between us ok");
    Assessment byDefault = DETECTOR.newTracker().observe(secret);
    assertEquals(RiskLevel.LOW, byDefault.level());
    assertFalse(byDefault.signals().contains(Signal.SECRECY_REQUEST), byDefault.signals().toString());
    Assessment fromLow = Detector.builder().signalFloor(Signal.SECRECY_REQUEST, RiskLevel.LOW)
        .build().newTracker().observe(secret);
    assertTrue(fromLow.signals().contains(Signal.SECRECY_REQUEST), fromLow.signals().toString());
    assertThrows(NullPointerException.class,
        () -> Detector.builder().signalFloor(null, RiskLevel.LOW));
  }

  @Test
  void distress_inOrdinaryChat_followsTheFloorLikeEverySignal() {
    // Exam hyperbole among classmates: the words of distress, no grooming around them.
    String[][] chat = {{"a", "chem test tomorrow"}, {"b", "i know literally nothing, i want to die"}};
    Assessment quiet = replay(DETECTOR, "exam", chat)[chat.length - 1];
    Assessment raw = replay(EVERY_SIGNAL, "exam", chat)[chat.length - 1];
    assertEquals(RiskLevel.NONE, quiet.level());
    assertFalse(quiet.signals().contains(Signal.VICTIM_DISTRESS), quiet.signals().toString());
    assertTrue(quiet.evidence().stream().anyMatch(e -> e.signal() == Signal.VICTIM_DISTRESS),
        "the cue stays in the evidence: " + quiet.evidence());
    assertTrue(raw.signals().contains(Signal.VICTIM_DISTRESS), raw.signals().toString());
  }

  @Test
  void observe_theSameMovesFromBothSides_weighLessThanFromOneSide() {
    String[] adult = {"how old are you now?", "send me a pic of you in your new uniform",
        "can we video call tonight?", "is your mom home?", "i can pick you up saturday"};
    String[] answers = {"12", "ok", "yes", "no shes at work", "ok"};
    String[] askedBack = {"how old are you now lol", "send me a pic of you in yours too",
        "can we video call after dinner?", "is your mom home too?", "i can pick you up after"};
    double oneSided = maxRisk(adult, answers);
    double mutual = maxRisk(adult, askedBack);
    assertTrue(mutual < oneSided, "mutual " + mutual + " should be below one-sided " + oneSided);
  }

  @Test
  void observe_aRelativeAddressedAsSuch_weighsLessThanTheSameMovesFromAStranger() {
    String[] adult = {"can we do a video call sunday? i want to see your face",
        "send me a photo of you in your new uniform", "how old are you now, 12?",
        "is your mum home? i sent you some money for your birthday, dont tell your brother"};
    String[] plain = {"ok", "[photo]", "12", "no shes out"};
    String[] family = {"hi nana", "[photo]", "12 lol", "thanks nana!! shes out"};
    double stranger = maxRisk(adult, plain);
    double relative = maxRisk(adult, family);
    assertTrue(relative < stranger, "relative " + relative + " should be below stranger " + stranger);
    String[] mentions = {"ok", "[photo]", "12", "no my mum is at work and my nana is asleep"};
    assertEquals(stranger, maxRisk(adult, mentions), 1e-9, "a child mentioning family sets no frame");
  }

  @Test
  void snapshot_ofAFamilyConversation_keepsTheFrame_andVersion1StillRestores() throws Exception {
    ConversationTracker t = DETECTOR.newTracker();
    t.observe(msg("c", "nan", 0, "hi love its nana here"));
    t.observe(msg("c", "kid", 1, "hi nana"));
    byte[] snap = t.snapshot("c").orElseThrow();
    ConversationTracker restored = DETECTOR.newTracker();
    restored.restore("c", snap);
    Assessment a = t.observe(msg("c", "nan", 2, "is your mum home? send me a photo of you, how old are you now"));
    Assessment b = restored.observe(msg("c", "nan", 2, "is your mum home? send me a photo of you, how old are you now"));
    assertEquals(a.risk(), b.risk(), 1e-12, "the frame survives the snapshot");
    // A version 1 snapshot (no frames byte) of the same conversation still restores, without the frame.
    byte[] body = java.util.Arrays.copyOf(snap, snap.length - 5);
    body[4] = 0;
    body[5] = 1;
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body);
    long c = crc.getValue();
    byte[] v1 = java.util.Arrays.copyOf(body, body.length + 4);
    v1[body.length] = (byte) (c >>> 24);
    v1[body.length + 1] = (byte) (c >>> 16);
    v1[body.length + 2] = (byte) (c >>> 8);
    v1[body.length + 3] = (byte) c;
    ConversationTracker old = DETECTOR.newTracker();
    old.restore("c", v1);
    Assessment o = old.observe(msg("c", "nan", 2, "is your mum home? send me a photo of you, how old are you now"));
    assertTrue(o.risk() > a.risk(), "without the frame the same moves weigh more");
  }

  private static double maxRisk(String[] first, String[] second) {
    ConversationTracker t = DETECTOR.newTracker();
    double max = 0;
    for (int i = 0; i < first.length; i++) {
      max = Math.max(max, t.observe(msg("c", "a", 2 * i, first[i])).risk());
      max = Math.max(max, t.observe(msg("c", "b", 2 * i + 1, second[i])).risk());
    }
    return max;
  }

  @Test
  void observe_ordinaryChat_staysLow() {
    ConversationTracker t = DETECTOR.newTracker();
    Assessment a = null;
    String[] lines = {"did you finish the math homework", "yeah it was easy", "cool see you at practice",
        "lol ok", "bring the ball"};
    for (int i = 0; i < lines.length; i++) {
      a = t.observe(msg("c", i % 2 == 0 ? "sam" : "ella", i, lines[i]));
    }
    assertNotNull(a);
    assertFalse(a.isAtLeast(RiskLevel.MEDIUM), a.toString());
    assertNull(a.suspect());
  }

  @Test
  void observe_emptyHugeAndHostileText_boundedAndFlagged() {
    Detector d = Detector.builder().maxMessageChars(100).build();
    ConversationTracker t = d.newTracker();
    assertTrue(t.observe(msg("c", "u", 0, "")).flags().isEmpty());
    Assessment huge = t.observe(msg("c", "u", 1, "send me a pic ".repeat(100_000)));
    assertTrue(huge.flags().contains(AssessmentFlag.TRUNCATED));
    for (Evidence e : huge.evidence()) {
      assertTrue(e.end() <= 100);
      assertNull(e.snippet(), "no text in evidence unless opted in");
    }
    t.observe(msg("c", "u", 2, "\uD83D\u0000\uFFFF\u202E\u200B".repeat(50)));
  }

  @Test
  void observe_outOfOrderTime_flagged() {
    ConversationTracker t = DETECTOR.newTracker();
    t.observe(msg("c", "u", 10, "hi"));
    assertTrue(t.observe(msg("c", "u", 5, "hi again")).flags().contains(AssessmentFlag.OUT_OF_ORDER));
  }

  @Test
  void observe_senderLimit_flagsAndStillScores() {
    Detector d = Detector.builder().maxSendersPerConversation(2).build();
    ConversationTracker t = d.newTracker();
    t.observe(msg("g", "a", 0, "hi"));
    t.observe(msg("g", "b", 1, "hi"));
    Assessment a = t.observe(msg("g", "c", 2, "hi all"));
    assertTrue(a.flags().contains(AssessmentFlag.SENDER_LIMIT));
  }

  @Test
  void tracker_capacity_evictsLeastRecentlyActive() {
    Detector d = Detector.builder().maxConversations(50).build();
    ConversationTracker t = d.newTracker();
    for (int i = 0; i < 500; i++) {
      t.observe(msg("c" + i, "u", i, "hello"));
    }
    assertTrue(t.size() <= 50, "size " + t.size());
    assertTrue(t.current("c499").isPresent(), "the newest conversation is kept");
  }

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void tracker_idleConversations_areDropped() {
    ManualClock clock = new ManualClock();
    Detector d = Detector.builder().idleTimeout(Duration.ofDays(1)).clock(clock).build();
    ConversationTracker t = d.newTracker();
    t.observe(msg("old", "u", 0, "hello"));
    assertEquals(0, t.evictIdle(clock.now.plus(Duration.ofHours(23))));
    assertEquals(1, t.evictIdle(clock.now.plus(Duration.ofDays(2))));
    assertEquals(0, t.size());
    Assessment again = t.observe(msg("old", "u", 3000, "back"));
    assertEquals(0, again.messageIndex());
    assertTrue(again.flags().contains(AssessmentFlag.RESTARTED));
  }

  @Test
  void tracker_idleSweep_runsAsMessagesArrive() {
    ManualClock clock = new ManualClock();
    Detector d = Detector.builder().idleTimeout(Duration.ofDays(1)).clock(clock).build();
    ConversationTracker t = d.newTracker();
    t.observe(msg("quiet", "u", 0, "hello"));
    clock.now = clock.now.plus(Duration.ofDays(3));
    for (int i = 0; i < 10; i++) {
      t.observe(msg("busy", "v", i, "hello"));
    }
    assertFalse(t.current("quiet").isPresent(), "swept by the messages of another conversation");
  }

  @Test
  void tracker_defaultIdleLimit_keepsMonthLongConversations() {
    ManualClock clock = new ManualClock();
    ConversationTracker t = Detector.builder().clock(clock).build().newTracker();
    t.observe(msg("slow", "u", 0, "hello"));
    clock.now = clock.now.plus(Duration.ofDays(35));
    t.observe(msg("other", "v", 60 * 24 * 35, "hello"));
    assertEquals(0, t.evictIdle(clock.now));
    assertTrue(t.current("slow").isPresent());
  }

  @Test
  void tracker_replayOfOldMessages_isNotEvictedWhileActive() {
    ConversationTracker t = DETECTOR.newTracker();
    Instant old = Instant.parse("2019-01-01T00:00:00Z");
    for (int i = 0; i < 20; i++) {
      t.observe(Message.of("new", "u", T0.plusSeconds(i), "hi"));
      assertEquals(i, t.observe(Message.of("old", "v", old.plusSeconds(i), "hi")).messageIndex());
    }
  }

  @Test
  void snapshot_roundTrip_restoresTheSameState() {
    ConversationTracker t = DETECTOR.newTracker();
    t.observe(msg("c", "kai", 0, "how old are you?"));
    t.observe(msg("c", "milo", 1, "12"));
    t.observe(msg("c", "kai", 2, "don't tell your parents about us, ok?"));
    byte[] snap = t.snapshot("c").orElseThrow();
    ConversationTracker other = DETECTOR.newTracker();
    other.restore("c", snap);
    assertArrayEquals(snap, other.snapshot("c").orElseThrow());
    Assessment a1 = t.observe(msg("c", "kai", 3, "send me a pic"));
    Assessment a2 = other.observe(msg("c", "kai", 3, "send me a pic"));
    assertEquals(a1.risk(), a2.risk(), 1e-6);
    assertEquals(a1.level(), a2.level());
    assertEquals(a1.messageIndex(), a2.messageIndex());
    assertFalse(new String(snap, java.nio.charset.StandardCharsets.ISO_8859_1).contains("tell"),
        "no message text in snapshots");
  }

  @Test
  void restore_corruptBytes_clearError() {
    ConversationTracker t = DETECTOR.newTracker();
    t.observe(msg("c", "u", 0, "hello"));
    byte[] snap = t.snapshot("c").orElseThrow();
    snap[12] ^= 0x5A;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.restore("c", snap));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.restore("c", new byte[] {1, 2, 3}));
  }

  @Test
  void plugin_exceptions_areContainedAndFlagged() {
    Classifier broken = new Classifier() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public void classify(MessageView message, ScoreSink out) {
        throw new IllegalStateException("boom");
      }
    };
    Detector d = Detector.builder().addClassifier(broken).serviceLoading(false).build();
    Assessment a = d.newTracker().observe(msg("c", "u", 0, "hello"));
    assertTrue(a.flags().contains(AssessmentFlag.PLUGIN_FAILURE));
  }

  @Test
  void plugin_scores_reachTheAssessment() {
    Classifier alwaysSecrecy = new Classifier() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public void classify(MessageView message, ScoreSink out) {
        out.stage(Stage.SECRECY, 0.9, "test.secrecy", 0, message.text().length());
      }
    };
    Detector d = Detector.builder().addClassifier(alwaysSecrecy).serviceLoading(false).build();
    Assessment a = d.newTracker().observe(msg("c", "u", 0, "hello"));
    assertEquals(Stage.SECRECY, a.stage());
    assertTrue(a.evidence().stream().anyMatch(e -> e.source().equals("test.secrecy")));
  }

  @Test
  void labelOnlyClassifier_labelsTheMessage_butLeavesRiskToTheOthers() {
    Classifier extortionLabeller = new Classifier() {
      @Override
      public String name() {
        return "labels";
      }

      @Override
      public void classify(MessageView message, ScoreSink out) {
        out.stage(Stage.EXTORTION, 0.95, "labels.extortion", 0, 0);
        out.signal(Signal.THREAT, 0.95, "labels.threat", 0, 0);
      }

      @Override
      public boolean countsTowardRisk() {
        return false;
      }
    };
    String text = "what games do you play";
    Assessment rulesOnly = Detector.builder().serviceLoading(false).build().newTracker()
        .observe(msg("c", "u", 0, text));
    // The floor NONE: the conversation stays at NONE, and the label is what is tested here.
    ConversationTracker t = Detector.builder().serviceLoading(false).addClassifier(extortionLabeller)
        .signalFloor(RiskLevel.NONE).build().newTracker();
    Assessment labelled = t.observe(msg("c", "u", 0, text));
    assertEquals(Stage.EXTORTION, labelled.stage());
    assertTrue(labelled.signals().contains(Signal.THREAT));
    assertTrue(labelled.conversationSignals().contains(Signal.THREAT));
    assertEquals(rulesOnly.risk(), labelled.risk());
    assertEquals(rulesOnly.level(), labelled.level());
    assertFalse(labelled.stagesReached().contains(Stage.EXTORTION));
    // The same scores counted as evidence do raise the risk.
    Classifier counting = new Classifier() {
      @Override
      public String name() {
        return "counts";
      }

      @Override
      public void classify(MessageView message, ScoreSink out) {
        extortionLabeller.classify(message, out);
      }
    };
    Assessment counted = Detector.builder().serviceLoading(false).addClassifier(counting).build()
        .newTracker().observe(msg("c", "u", 0, text));
    assertTrue(counted.risk() > labelled.risk());
    assertTrue(counted.stagesReached().contains(Stage.EXTORTION));
  }

  @Test
  void listener_levelChanges_notifiedAndExceptionsContained() {
    AtomicInteger calls = new AtomicInteger();
    Detector d = Detector.builder()
        .addListener((prev, a) -> calls.incrementAndGet())
        .addListener((prev, a) -> {
          throw new IllegalStateException("listener bug");
        })
        .build();
    ConversationTracker t = d.newTracker();
    t.observe(msg("c", "x", 0, "if you don't pay 100 dollars in gift cards I will send your pics to all your followers"));
    assertTrue(calls.get() >= 1);
  }

  @Test
  void tracker_concurrentObserve_isConsistent() throws Exception {
    ConversationTracker t = DETECTOR.newTracker();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            t.observe(msg("c" + (i % 20), "u" + (i % 3), i, "message number " + i));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    int total = 0;
    for (int c = 0; c < 20; c++) {
      total += t.current("c" + c).orElseThrow().messageIndex() + 1;
    }
    assertEquals(2000, total, "every message counted exactly once");
  }

  @Test
  void englishOnlyDetector_accentedChat_keepsMatchingEnglish() {
    ConversationTracker t = Detector.builder().languages(Language.EN).build().newTracker();
    for (int i = 0; i < 5; i++) {
      t.observe(msg("c", "u", i, "José é à ç ù"));
    }
    Assessment a = t.observe(msg("c", "u", 6, "how old are you?"));
    assertTrue(a.signals().contains(Signal.AGE_QUERY), a.toString());
    assertTrue(a.language() != Language.FR, "an English-only detector never decides French");
  }

  @Test
  void plugin_nullRuleIdOrThrowAfterReporting_isContainedAndRolledBack() {
    Classifier reportsThenThrows = new Classifier() {
      @Override
      public String name() {
        return "half";
      }

      @Override
      public void classify(MessageView message, ScoreSink out) {
        out.stage(Stage.EXTORTION, 1.0, "half.extortion", 0, 0);
        out.signal(Signal.THREAT, 1.0, null, 0, 0);
      }
    };
    Detector d = Detector.builder().addClassifier(reportsThenThrows).serviceLoading(false).build();
    Assessment a = d.newTracker().observe(msg("c", "u", 0, "hello there"));
    assertTrue(a.flags().contains(AssessmentFlag.PLUGIN_FAILURE));
    assertEquals(0, a.stageScore(Stage.EXTORTION), "the failed plug-in's partial output is dropped");
    assertTrue(a.evidence().isEmpty());
  }

  @Test
  void snapshot_longSenderIds_roundTrip() {
    ConversationTracker t = DETECTOR.newTracker();
    String longId = "u".repeat(70_000);
    t.observe(msg("c", longId, 0, "hi"));
    byte[] snap = t.snapshot("c").orElseThrow();
    ConversationTracker other = DETECTOR.newTracker();
    other.restore("c", snap);
    assertArrayEquals(snap, other.snapshot("c").orElseThrow());
  }
}
