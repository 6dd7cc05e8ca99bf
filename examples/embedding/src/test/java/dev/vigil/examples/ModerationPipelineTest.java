package dev.vigil.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.Message;
import dev.vigil.detector.RiskLevel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModerationPipelineTest {

  private static final Instant T0 = Instant.parse("2026-03-02T19:00:00Z");

  @Test
  void pipeline_groomingPattern_alertsOnceAndSurvivesRestart() {
    ModerationPipeline p = new ModerationPipeline();
    p.onMessage(Message.of("dm", "ray", T0, "you're honestly so good at this game"));
    p.onMessage(Message.of("dm", "kid", T0.plusSeconds(60), "thx"));
    p.onMessage(Message.of("dm", "ray", T0.plusSeconds(120), "how old are u? i can send you robux"));
    p.onMessage(Message.of("dm", "ray", T0.plusSeconds(180), "are your parents around? they check your phone?"));
    p.restart();
    Assessment a = p.onMessage(Message.of("dm", "ray", T0.plusSeconds(240),
        "add me on snap and don't tell anyone we talk"));
    assertEquals(4, a.messageIndex(), "the restored state continues the conversation");
    assertTrue(a.isAtLeast(RiskLevel.HIGH), a.toString());
    assertEquals(1, p.drainAlerts().size(), "one alert when the conversation first reaches HIGH");
  }

  @Test
  void pipeline_ordinaryChat_raisesNoAlert() {
    ModerationPipeline p = new ModerationPipeline();
    p.onMessage(Message.of("team", "coach", T0, "practice moved to 5pm, parents please confirm rides"));
    p.onMessage(Message.of("team", "mum", T0.plusSeconds(60), "confirmed, I'll drive two of them"));
    assertFalse(p.drainAlerts().iterator().hasNext());
  }
}
