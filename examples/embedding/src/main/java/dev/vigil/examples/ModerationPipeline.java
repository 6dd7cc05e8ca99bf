package dev.vigil.examples;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.Language;
import dev.vigil.detector.Message;
import dev.vigil.detector.RiskLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * How a chat service embeds Vigil: one detector for the process, one tracker for the stream, a
 * listener that hands level changes to a moderation queue without blocking the chat path, and
 * snapshots written to an external store so that a restarted worker carries on where it stopped.
 *
 * <p>{@code ModerationPipelineTest} runs this flow in the build; run {@link #main} from an IDE to
 * see what a moderator would get (ids, levels and evidence spans, never message text).
 */
public final class ModerationPipeline {

  /** What the service puts on its moderation queue: ids and evidence spans, no message text. */
  public record Alert(String conversationId, String suspect, RiskLevel level, List<Evidence> evidence) {}

  private final BlockingQueue<Alert> moderation = new LinkedBlockingQueue<>();
  private final Map<String, byte[]> stateStore = new HashMap<>(); // stands for Redis, a KV store…
  private final Detector detector;
  private ConversationTracker tracker;

  /** Builds the detector once; it is thread-safe and shared by every worker thread. */
  public ModerationPipeline() {
    this.detector = Detector.builder()
        .languages(Language.EN, Language.FR)
        .addListener((previous, a) -> {
          // Runs on the chat thread: enqueue and return, never block here.
          if (a.isAtLeast(RiskLevel.HIGH) && !previous.isAtLeast(RiskLevel.HIGH)) {
            moderation.offer(new Alert(a.conversationId(), a.suspect(), a.level(), a.evidence()));
          }
        })
        .build();
    this.tracker = detector.newTracker();
  }

  /** Feeds one chat message; returns the assessment the service may also store or show. */
  public Assessment onMessage(Message message) {
    Assessment a = tracker.observe(message);
    // Persist the compact state of conversations that carry risk (a few hundred bytes, no text).
    if (a.isAtLeast(RiskLevel.MEDIUM)) {
      tracker.snapshot(a.conversationId()).ifPresent(bytes -> stateStore.put(a.conversationId(), bytes));
    }
    return a;
  }

  /** Simulates a worker restart: a new tracker, risky conversations restored from the store. */
  public void restart() {
    tracker = detector.newTracker();
    stateStore.forEach(tracker::restore);
  }

  /** Alerts waiting for a moderator. */
  public List<Alert> drainAlerts() {
    List<Alert> out = new ArrayList<>();
    moderation.drainTo(out);
    return out;
  }

  /** A short demonstration on a conversation written for this example. */
  public static void main(String[] args) {
    ModerationPipeline pipeline = new ModerationPipeline();
    Instant t = Instant.parse("2026-03-02T19:00:00Z");
    String[][] lines = {
      {"ray_77", "you're honestly so good at this game"},
      {"lena", "thx"},
      {"ray_77", "how old are u? i can send you robux if you want"},
      {"lena", "12"},
      {"ray_77", "are your parents around? they check your phone?"},
    };
    for (int i = 0; i < lines.length; i++) {
      pipeline.onMessage(Message.of("dm-42", lines[i][0], t.plusSeconds(60L * i), lines[i][1]));
    }
    pipeline.restart(); // the worker restarts; the conversation's state comes back from the store
    Assessment a = pipeline.onMessage(Message.of("dm-42", "ray_77", t.plusSeconds(600),
        "add me on snap and don't tell anyone we talk"));
    System.out.println("after restart: index " + a.messageIndex() + ", level " + a.level()
        + ", stages " + a.stagesReached() + ", suspect " + a.suspect());
    for (Alert alert : pipeline.drainAlerts()) {
      System.out.println("ALERT " + alert.level() + " in " + alert.conversationId() + " (suspect "
          + alert.suspect() + ")");
      for (Evidence e : alert.evidence()) {
        System.out.println("  message " + e.messageIndex() + " chars [" + e.start() + "," + e.end()
            + ") " + e.source());
      }
    }
  }
}
