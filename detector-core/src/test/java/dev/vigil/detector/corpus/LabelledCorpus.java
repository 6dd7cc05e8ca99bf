package dev.vigil.detector.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helper: reads labelled JSON Lines and scores them conversation by conversation. */
final class LabelledCorpus {

  /** One labelled conversation after scoring. */
  record Result(String id, String goldClass, RiskLevel maxLevel, boolean sawExtortion,
      Set<Signal> signals, List<Assessment> assessments) {
    boolean harmful() {
      return !goldClass.equals("BENIGN");
    }
  }

  private LabelledCorpus() {}

  /** The project root (set by surefire), from which corpus/ and ../shared are found. */
  static Path root() {
    return Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
  }

  static Map<String, Result> score(Detector detector, Path... files) {
    ObjectMapper json = new ObjectMapper();
    ConversationTracker tracker = detector.newTracker();
    Map<String, List<Assessment>> byConversation = new LinkedHashMap<>();
    Map<String, String> classes = new LinkedHashMap<>();
    for (Path file : files) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(line);
          String c = n.get("conversation").asText();
          Assessment a = tracker.observe(Message.of(c, n.get("sender").asText(),
              Instant.parse(n.get("time").asText()), n.get("text").asText()));
          byConversation.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
          classes.put(c, n.path("gold_class").asText("BENIGN"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, Result> out = new LinkedHashMap<>();
    byConversation.forEach((c, list) -> {
      RiskLevel max = RiskLevel.NONE;
      boolean extortion = false;
      EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);
      for (Assessment a : list) {
        if (a.level().compareTo(max) > 0) {
          max = a.level();
        }
        extortion |= a.stage() == Stage.EXTORTION || a.currentStage() == Stage.EXTORTION;
        signals.addAll(a.signals());
      }
      out.put(c, new Result(c, classes.get(c), max, extortion, signals, list));
    });
    return out;
  }

  /** Share of the conversations matching {@code harmful} that reach HIGH or above. */
  static double highRate(Map<String, Result> results, boolean harmful) {
    long n = results.values().stream().filter(r -> r.harmful() == harmful).count();
    long high = results.values().stream()
        .filter(r -> r.harmful() == harmful && r.maxLevel().isAtLeast(RiskLevel.HIGH)).count();
    return n == 0 ? 0 : high / (double) n;
  }
}
