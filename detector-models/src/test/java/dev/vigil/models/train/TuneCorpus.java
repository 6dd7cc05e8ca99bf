package dev.vigil.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the labelled tuning corpus ({@code corpus/tune/*.jsonl} and {@code corpus/tune2/*.jsonl}, conventions in {@code
 * corpus/README.md}) into conversations. Refuses any path under a {@code test*} folder ({@code test}, {@code test2}): the test
 * parts are for reporting only and never reaches the trainer.
 */
final class TuneCorpus {

  /** One labelled message. */
  record Msg(String sender, Instant time, String text, @Nullable Stage stage, Set<Signal> signals) {}

  /** One conversation, in file order. */
  record Conv(String id, String file, String language, String goldClass, String scenario, List<Msg> messages) {
    boolean harmful() {
      return !goldClass.equals("BENIGN");
    }

    Conv withMessages(String newId, List<Msg> newMessages) {
      return new Conv(newId, file, language, goldClass, scenario, newMessages);
    }
  }

  private TuneCorpus() {}

  /** The default training folders, relative to the repository root. */
  static final String DEFAULT_FOLDERS = "corpus/tune,corpus/tune2";

  /**
   * The .jsonl files of comma-separated folders under {@code root} (e.g. {@value #DEFAULT_FOLDERS}),
   * folder by folder, each in name order.
   */
  static List<Path> files(Path root, String folders) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String f : folders.split(",")) {
      if (!f.isBlank()) {
        out.addAll(files(root.resolve(f.strip())));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no training folder in '" + folders + "'");
    }
    return out;
  }

  /** The .jsonl files of a folder, in name order. */
  static List<Path> files(Path dir) throws IOException {
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().startsWith("test")) {
        throw new IllegalArgumentException("refusing to train on the test part: " + dir);
      }
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no .jsonl file in " + dir);
      }
      return files;
    }
  }

  static List<Conv> read(List<Path> files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Conv> out = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String language = name.substring(0, 2);
      Map<String, List<Msg>> messages = new LinkedHashMap<>();
      Map<String, JsonNode> first = new LinkedHashMap<>();
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(line);
          String c = n.get("conversation").asText();
          first.putIfAbsent(c, n);
          Stage stage = n.hasNonNull("gold_stage") ? Stage.valueOf(n.get("gold_stage").asText()) : null;
          EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);
          for (JsonNode s : n.path("gold_signals")) {
            signals.add(Signal.valueOf(s.asText()));
          }
          messages.computeIfAbsent(c, k -> new ArrayList<>()).add(new Msg(n.get("sender").asText(),
              Instant.parse(n.get("time").asText()), n.get("text").asText(), stage, Set.copyOf(signals)));
        }
      }
      for (Map.Entry<String, List<Msg>> e : messages.entrySet()) {
        JsonNode n = first.get(e.getKey());
        out.add(new Conv(e.getKey(), name, language, n.get("gold_class").asText(),
            n.path("scenario").asText(e.getKey()), List.copyOf(e.getValue())));
      }
    }
    return out;
  }
}
