package dev.vigil.detector.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.Message;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Developer tool: scans JSON Lines files and prints per-message output with evidence. */
public final class DevScan {
  public static void main(String[] args) throws Exception {
    ObjectMapper om = new ObjectMapper();
    String lang = System.getProperty("lang", "both");
    var b = Detector.builder();
    if (!lang.equals("both")) {
      b.languages(dev.vigil.detector.Language.ofCode(lang));
    }
    String dir = System.getProperty("lexdir");
    if (dir != null) {
      for (var l : new dev.vigil.detector.Language[] {dev.vigil.detector.Language.EN, dev.vigil.detector.Language.FR}) {
        b.lexiconFile(l, Path.of(dir, l.name().toLowerCase() + ".vlex"));
      }
    }
    Detector d = b.build();
    ConversationTracker t = d.newTracker();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (String f : args) {
      try (BufferedReader r = Files.newBufferedReader(Path.of(f))) {
        for (String line; (line = r.readLine()) != null; ) {
          JsonNode n = om.readTree(line);
          Message m = Message.of(n.get("conversation").asText(), n.get("sender").asText(),
              Instant.parse(n.get("time").asText()), n.get("text").asText());
          if (n.hasNonNull("lang")) {
            m = m.withLanguage(dev.vigil.detector.Language.ofCode(n.get("lang").asText()));
          }
          Assessment a = t.observe(m);
          ObjectNode o = om.createObjectNode();
          o.put("conversation", a.conversationId());
          o.put("index", a.messageIndex());
          o.put("sender", a.senderId());
          o.put("stage", a.stage() == null ? null : a.stage().name());
          o.put("current_stage", a.currentStage() == null ? null : a.currentStage().name());
          o.put("risk", Math.round(a.risk() * 1000) / 1000.0);
          o.put("level", a.level().name());
          var sig = o.putArray("signals");
          a.signals().forEach(s -> sig.add(s.name()));
          o.put("suspect", a.suspect());
          var sc = o.putObject("scores");
          a.stageScores().forEach((k, v) -> sc.put(k.name(), Math.round(v * 100) / 100.0));
          var ev = o.putArray("evidence");
          for (Evidence e : a.evidence()) {
            ev.add(e.source() + "=" + String.format("%.2f", e.weight()));
          }
          o.put("lang", a.language().name());
          out.println(om.writeValueAsString(o));
        }
      }
    }
    out.flush();
  }
}
