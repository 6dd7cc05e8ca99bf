package dev.vigil.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of JFR recordings, such as those of
 * JMH's {@code -prof jfr}, as the hot spots to fix: the methods that are on top of the stack
 * (self time) and the methods that are anywhere on it (total time), each with its share of the
 * samples. Only the threads that ran the benchmark (JMH's {@code *-jmh-worker-*}) are counted when
 * there are any. Allocation samples ({@code jdk.ObjectAllocationSample}) are summarised too, by
 * allocated class and the first non-JDK frame.
 *
 * <p>Run: {@code java -cp benchmarks.jar dev.vigil.benchmarks.HotSpots [--top N] FILE.jfr|DIR ...}
 * (a directory is searched for {@code .jfr} files), or {@code run.sh --profile}.
 */
public final class HotSpots {

  private HotSpots() {}

  public static void main(String[] args) throws IOException {
    int top = 25;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--top")) {
        top = Integer.parseInt(args[++i]);
      } else if (Files.isDirectory(Path.of(args[i]))) {
        try (Stream<Path> s = Files.walk(Path.of(args[i]))) {
          s.filter(p -> p.toString().endsWith(".jfr")).sorted().forEach(files::add);
        }
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .jfr file given");
    }
    for (Path f : files) {
      summarise(f, top);
    }
  }

  private static void summarise(Path file, int top) throws IOException {
    List<RecordedEvent> samples = new ArrayList<>();
    List<RecordedEvent> allocations = new ArrayList<>();
    boolean anyWorker = false;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
        samples.add(e);
        anyWorker |= isWorker(e);
      } else if (e.getEventType().getName().equals("jdk.ObjectAllocationSample")
          && e.getStackTrace() != null) {
        allocations.add(e);
      }
    }
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    int n = 0;
    for (RecordedEvent e : samples) {
      if (anyWorker && !isWorker(e)) {
        continue;
      }
      n++;
      RecordedStackTrace st = e.getStackTrace();
      List<RecordedFrame> frames = st.getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String m = name(f);
        if (seen.add(m)) {
          total.merge(m, 1, Integer::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d samples%n", file, n);
    print("self (top of stack)", self, n, top);
    print("total (anywhere on the stack)", total, n, top);

    // Allocation samples (JFR's profile settings): weight in bytes, by class and first
    // non-JDK frame that allocated it.
    Map<String, Integer> bytes = new HashMap<>();
    long all = 0;
    int counted = 0;
    for (RecordedEvent e : allocations) {
      if (anyWorker && !isWorker(e) || !inMeasuredLoop(e)) {
        continue;
      }
      long w = e.getLong("weight");
      all += w;
      counted++;
      String site = "?";
      for (RecordedFrame f : e.getStackTrace().getFrames()) {
        String type = f.getMethod() == null ? "" : f.getMethod().getType().getName();
        if (!type.startsWith("java.") && !type.startsWith("jdk.")) {
          site = name(f);
          break;
        }
      }
      String cls = e.getClass("objectClass") == null ? "?" : e.getClass("objectClass").getName();
      bytes.merge(cls.substring(cls.lastIndexOf('.') + 1) + " @ " + site, (int) Math.min(w, Integer.MAX_VALUE),
          Integer::sum);
    }
    if (all > 0) {
      System.out.printf(Locale.ROOT, "  allocation (%d samples, rough: by sampled bytes, class @ first non-JDK frame):%n",
          counted);
      final long sum = all;
      bytes.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .limit(top)
          .forEach(en -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * en.getValue() / sum, en.getKey()));
    }
  }

  /** Whether a JMH-generated stub ({@code *_jmhTest}) is on the stack: not setup, not JMH. */
  private static boolean inMeasuredLoop(RecordedEvent e) {
    for (RecordedFrame f : e.getStackTrace().getFrames()) {
      if (f.getMethod() != null && f.getMethod().getType().getName().endsWith("_jmhTest")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWorker(RecordedEvent e) {
    String field = e.hasField("sampledThread") ? "sampledThread" : "eventThread";
    return e.getThread(field) != null
        && String.valueOf(e.getThread(field).getJavaName()).contains("jmh-worker");
  }

  private static String name(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    if (m == null) {
      return "?";
    }
    String type = m.getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + m.getName();
  }

  private static void print(String title, Map<String, Integer> counts, int n, int top) {
    System.out.println("  " + title + ":");
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(top)
        .forEach(en -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * en.getValue() / n, en.getKey()));
  }
}
