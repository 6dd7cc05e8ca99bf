package dev.vigil.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one run's JMH JSON results and {@link RetainedMemory}'s JSON into {@code
 * results/latest.json} and {@code results/latest.md}: named results, ratios computed within the
 * run, and the performance targets with PASS or MISS. Called by {@code run.sh}.
 *
 * <p>Run: {@code java -cp benchmarks.jar dev.vigil.benchmarks.ResultsReport --mode quick
 * --commit abc1234 --jdk "$(java -version 2>&1)" --jmh-options "..." --load-before "0.1 0.2 0.3"
 * --memory memory.json
 * --out-json latest.json --out-md latest.md jmh-1.json jmh-2.json ...}
 */
public final class ResultsReport {

  private static final String MSG_S = "messages/s";

  /** A named figure. */
  private record Result(String name, double score, double error, String unit, String note) {}

  /** A target: a figure, a limit, and whether the figure must be at most or at least the limit. */
  private record Target(String label, String result, double limit, boolean atMost, String shown) {}

  private final Map<String, Result> results = new LinkedHashMap<>();

  private ResultsReport() {}

  public static void main(String[] args) throws IOException {
    String mode = "full";
    String commit = "unknown";
    String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    String jmhOptions = "";
    String loadBefore = "";
    Path memory = null;
    Path outJson = Path.of("latest.json");
    Path outMd = Path.of("latest.md");
    List<Path> jmh = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mode":
          mode = args[++i];
          break;
        case "--commit":
          commit = args[++i];
          break;
        case "--jdk":
          jdk = args[++i].strip().replaceAll("\\s*\\R\\s*", " / ");
          break;
        case "--load-before":
          loadBefore = args[++i];
          break;
        case "--jmh-options":
          jmhOptions = args[++i];
          break;
        case "--memory":
          memory = Path.of(args[++i]);
          break;
        case "--out-json":
          outJson = Path.of(args[++i]);
          break;
        case "--out-md":
          outMd = Path.of(args[++i]);
          break;
        default:
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + args[i]);
          }
          jmh.add(Path.of(args[i]));
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ResultsReport report = new ResultsReport();
    for (Path p : jmh) {
      if (Files.size(p) > 0) {
        report.readJmh(mapper.readTree(p.toFile()));
      }
    }
    if (memory != null && Files.exists(memory)) {
      report.readMemory(mapper.readTree(memory.toFile()));
    }
    report.derive();

    ObjectNode root = mapper.createObjectNode();
    ObjectNode machine = root.putObject("machine");
    machine.put("nproc", Runtime.getRuntime().availableProcessors());
    machine.put("memory", memory());
    machine.put("cpu", cpuModel());
    // Other work on the machine skews every figure: the load before and after the run.
    machine.put("loadavg_before", loadBefore);
    machine.put("loadavg_after", loadAverage());
    root.put("jdk", jdk);
    root.put("commit", commit);
    root.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    root.put("mode", mode);
    root.put("jmh_options", jmhOptions);
    ArrayNode array = root.putArray("results");
    for (Result r : report.results.values()) {
      ObjectNode o = array.addObject();
      o.put("name", r.name());
      putNumber(o, "score", r.score());
      o.put("unit", r.unit());
      if (!Double.isNaN(r.error())) {
        o.put("error", round(r.error()));
      }
      if (r.note() != null) {
        o.put("note", r.note());
      }
    }
    ArrayNode targets = root.putArray("targets");
    List<String[]> verdicts = new ArrayList<>();
    for (Target t : TARGETS) {
      Result r = report.results.get(t.result());
      double v = r == null ? Double.NaN : r.score();
      String verdict = Double.isNaN(v) ? "NOT RUN"
          : (t.atMost() ? v <= t.limit() : v >= t.limit()) ? "PASS" : "MISS";
      ObjectNode o = targets.addObject();
      o.put("target", t.label());
      o.put("result", t.result());
      putNumber(o, "value", v);
      o.put("limit", (t.atMost() ? "<= " : ">= ") + format(t.limit()));
      o.put("verdict", verdict);
      verdicts.add(new String[] {t.label(), Double.isNaN(v) ? "-" : format(v) + t.shown(),
          (t.atMost() ? "≤ " : "≥ ") + format(t.limit()) + t.shown(), "**" + verdict + "**"});
    }
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(outJson.toAbsolutePath().getParent());
    Files.writeString(outJson, mapper.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    Files.writeString(outMd, report.markdown(root, verdicts), StandardCharsets.UTF_8);
  }

  private static final List<Target> TARGETS = List.of(
      new Target("default pipeline ≤ 4x the cost of Lucene analysis alone (EN)", "ratio_default_vs_lucene_en", 4, true, "x"),
      new Target("default pipeline ≤ 4x the cost of Lucene analysis alone (FR)", "ratio_default_vs_lucene_fr", 4, true, "x"),
      new Target("default pipeline faster than the regex baseline (EN)", "ratio_default_vs_regex_en", 1, true, "x"),
      new Target("default pipeline faster than the regex baseline (FR)", "ratio_default_vs_regex_fr", 1, true, "x"),
      new Target("≥ 200,000 messages/s on one thread (EN)", "observe_default_en", 200_000, false, ""),
      new Target("≥ 200,000 messages/s on one thread (FR)", "observe_default_fr", 200_000, false, ""),
      new Target("≤ 1 KiB retained per two-party conversation", "retained_bytes_per_conversation", 1024, true, " B"),
      new Target("≤ 2 KiB allocated per message (EN)", "alloc_bytes_per_message_en", 2048, true, " B"),
      new Target("≤ 2 KiB allocated per message (FR)", "alloc_bytes_per_message_fr", 2048, true, " B"));

  private void readJmh(JsonNode array) {
    for (JsonNode b : array) {
      String benchmark = b.path("benchmark").asText();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
      cls = cls.substring(cls.lastIndexOf('.') + 1);
      JsonNode params = b.path("params");
      JsonNode primary = b.path("primaryMetric");
      double score = primary.path("score").asDouble(Double.NaN);
      double error = number(primary.path("scoreError"));
      String lang = params.path("lang").asText("");
      switch (cls + "." + method) {
        case "ObserveBenchmark.observe":
          put("observe_default_" + lang, score, error, MSG_S);
          JsonNode alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
          if (!alloc.isMissingNode()) {
            put("alloc_bytes_per_message_" + lang, alloc.path("score").asDouble(Double.NaN),
                number(alloc.path("scoreError")), "B/message");
          }
          break;
        case "BaselineBenchmark.lucene":
          put("lucene_analysis_baseline_" + lang, score, error, MSG_S);
          break;
        case "BaselineBenchmark.regex":
          put("regex_baseline_" + lang, score, error, MSG_S);
          break;
        case "TrackerScaleBenchmark.oneThread":
          put("tracker_" + params.path("conversations").asText(), score, error, MSG_S);
          break;
        case "TrackerScaleBenchmark.twoThreads":
          put("tracker_2threads_" + params.path("conversations").asText(), score, error, MSG_S);
          break;
        case "SnapshotBenchmark.snapshot":
          put("snapshot_ops", score, error, "ops/s");
          break;
        case "SnapshotBenchmark.restore":
          put("restore_ops", score, error, "ops/s");
          break;
        default:
          put(cls + "." + method + params.toString(), score, error, primary.path("scoreUnit").asText());
      }
    }
  }

  private void readMemory(JsonNode m) {
    results.put("retained_bytes_per_conversation", new Result("retained_bytes_per_conversation",
        m.path("retained_bytes_per_conversation").asDouble(Double.NaN), Double.NaN, "B/conversation",
        "method: " + m.path("method").asText() + "; " + m.path("conversations").asInt()
            + " two-party conversations of " + m.path("messages_per_conversation").asInt()
            + " messages; heap difference: " + m.path("heap_difference_bytes_per_conversation").asText()
            + " B"));
    put("snapshot_bytes_per_conversation", m.path("snapshot_bytes_per_conversation").asDouble(Double.NaN),
        Double.NaN, "B/conversation");
  }

  private void derive() {
    mean("observe_default", "observe_default_en", "observe_default_fr", MSG_S);
    mean("lucene_analysis_baseline", "lucene_analysis_baseline_en", "lucene_analysis_baseline_fr", MSG_S);
    mean("regex_baseline", "regex_baseline_en", "regex_baseline_fr", MSG_S);
    mean("alloc_bytes_per_message", "alloc_bytes_per_message_en", "alloc_bytes_per_message_fr", "B/message");
    // tracker_2threads: at 100,000 conversations, else the largest case run.
    String two = results.containsKey("tracker_2threads_100000") ? "tracker_2threads_100000" : null;
    for (String k : new ArrayList<>(results.keySet())) {
      if (two == null && k.startsWith("tracker_2threads_")) {
        two = k;
      }
    }
    if (two != null) {
      Result r = results.get(two);
      put("tracker_2threads", r.score(), r.error(), MSG_S,
          "2 threads, " + two.substring("tracker_2threads_".length()) + " conversations");
      ratio("speedup_2threads", two, "tracker_" + two.substring("tracker_2threads_".length()),
          "tracker_2threads / tracker (same conversations)");
    }
    if (!results.containsKey("tracker_1000000")) {
      results.put("tracker_1000000", new Result("tracker_1000000", Double.NaN, Double.NaN, MSG_S,
          "full run only"));
    }
    ratio("ratio_tracker_1000000_vs_1000", "tracker_1000000", "tracker_1000",
        "throughput at 1,000,000 conversations over at 1,000");
    for (String l : new String[] {"en", "fr"}) {
      ratio("ratio_default_vs_lucene_" + l, "lucene_analysis_baseline_" + l, "observe_default_" + l,
          "cost of the default pipeline over Lucene analysis alone = lucene / default throughput");
      ratio("ratio_default_vs_regex_" + l, "regex_baseline_" + l, "observe_default_" + l,
          "cost of the default pipeline over the regex baseline = regex / default throughput");
    }
  }

  private void mean(String name, String a, String b, String unit) {
    Result x = results.get(a);
    Result y = results.get(b);
    if (x != null && y != null) {
      put(name, (x.score() + y.score()) / 2, Double.NaN, unit, "mean of en and fr");
    }
  }

  private void ratio(String name, String numerator, String denominator, String note) {
    Result n = results.get(numerator);
    Result d = results.get(denominator);
    if (n != null && d != null && !Double.isNaN(n.score()) && !Double.isNaN(d.score())) {
      put(name, n.score() / d.score(), Double.NaN, "ratio", note);
    }
  }

  private void put(String name, double score, double error, String unit) {
    put(name, score, error, unit, null);
  }

  private void put(String name, double score, double error, String unit, String note) {
    results.put(name, new Result(name, score, error, unit, note));
  }

  private String markdown(ObjectNode root, List<String[]> verdicts) {
    StringBuilder md = new StringBuilder();
    md.append("# Vigil benchmarks: ").append(root.path("mode").asText()).append(" run\n\n");
    md.append("| | |\n|---|---|\n");
    JsonNode m = root.path("machine");
    md.append("| machine | ").append(m.path("nproc").asInt()).append(" cores, ")
        .append(m.path("memory").asText()).append(", ").append(m.path("cpu").asText()).append(" |\n");
    md.append("| load average (1/5/15 min) | before: ").append(m.path("loadavg_before").asText())
        .append("; after: ").append(m.path("loadavg_after").asText())
        .append(" (the run itself adds about 1) |\n");
    md.append("| JDK | ").append(root.path("jdk").asText()).append(" |\n");
    md.append("| commit | ").append(root.path("commit").asText()).append(" |\n");
    md.append("| date | ").append(root.path("date").asText()).append(" |\n");
    md.append("| mode | ").append(root.path("mode").asText()).append(" (JMH ")
        .append(root.path("jmh_options").asText()).append(") |\n\n");
    md.append("| result | score | ± error (99.9%) | unit | note |\n|---|--:|--:|---|---|\n");
    for (Result r : results.values()) {
      md.append("| ").append(r.name()).append(" | ")
          .append(Double.isNaN(r.score()) ? "-" : format(r.score())).append(" | ")
          .append(Double.isNaN(r.error()) ? "" : format(r.error())).append(" | ")
          .append(r.unit()).append(" | ").append(r.note() == null ? "" : r.note()).append(" |\n");
    }
    md.append("\nTargets: default pipeline at most 4x the cost of Lucene analysis alone and faster "
        + "than the regex baseline; at least 200,000 messages/s on one thread; at most 1 KiB "
        + "retained per two-party conversation; at most 2 KiB allocated per message.\n\n");
    md.append("| target | value | limit | verdict |\n|---|--:|--:|---|\n");
    boolean missed = false;
    for (String[] v : verdicts) {
      md.append("| ").append(String.join(" | ", v)).append(" |\n");
      missed |= v[3].contains("MISS");
    }
    if (missed) {
      md.append("\nA target is missed: `detector-benchmarks/run.sh --profile` writes the default "
          + "pipeline's hot spots (JFR) to `results/profile.txt`.\n");
    }
    return md.toString();
  }

  private static String format(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (Math.abs(v) >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }

  private static double round(double v) {
    return Math.abs(v) >= 100 ? Math.round(v * 10) / 10.0 : Math.round(v * 10_000) / 10_000.0;
  }

  private static void putNumber(ObjectNode o, String field, double v) {
    if (Double.isNaN(v)) {
      o.putNull(field);
    } else {
      o.put(field, round(v));
    }
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D+", ""));
          return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return String.format(Locale.ROOT, "%.1f GiB (JVM max heap)",
        Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0 / 1024.0);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }
}
