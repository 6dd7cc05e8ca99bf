package dev.vigil.benchmarks;

import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes of heap retained per tracked two-party conversation (target: at most 1 KiB). Not a JMH
 * benchmark: a plain main.
 *
 * <p>It builds the default detector and a tracker, observes {@code conversations} two-party
 * conversations of {@code messages} messages each (the {@link MessageMix.Mix#BOTH} mix: even
 * conversations English, odd French; the parties take turns; the conversation id, 20 characters,
 * is retained by the tracker and counted), and then measures the tracker two ways:
 *
 * <ul>
 *   <li><b>JOL</b> (primary): {@code GraphLayout.parseInstance(tracker).totalSize()} minus the
 *       same for an empty tracker of the same detector (the walk reaches the shared detector
 *       from both, so it cancels out), divided by the conversations;
 *   <li><b>heap difference</b> (cross-check, and the fallback if JOL's walk fails): used heap
 *       after full GCs once the tracker is filled, minus before filling it.
 * </ul>
 *
 * <p>Also prints the mean snapshot size ({@code ConversationTracker.snapshot}) over the
 * conversations.
 *
 * <p>Run: {@code java -Xmx4g -cp detector-benchmarks/target/benchmarks.jar
 * dev.vigil.benchmarks.RetainedMemory [--conversations 100000] [--messages 10] [--json FILE]}
 */
public final class RetainedMemory {

  private RetainedMemory() {}

  public static void main(String[] args) throws IOException {
    int conversations = 100_000;
    int messages = 10;
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--conversations":
          conversations = Integer.parseInt(args[++i]);
          break;
        case "--messages":
          messages = Integer.parseInt(args[++i]);
          break;
        case "--json":
          json = Path.of(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument '" + args[i]
              + "': use --conversations N, --messages N, --json FILE");
      }
    }

    Detector detector = Detector.builder().build();
    ConversationTracker empty = detector.newTracker();
    List<String> en = MessageMix.english();
    List<String> fr = MessageMix.french();

    long before = usedAfterGc();
    ConversationTracker tracker = detector.newTracker();
    int enCursor = 0;
    int frCursor = 0;
    long second = MessageStream.EPOCH_SECOND;
    // Round by round, as live traffic interleaves conversations.
    for (int m = 0; m < messages; m++) {
      Instant t = Instant.ofEpochSecond(second);
      for (int c = 0; c < conversations; c++) {
        String text;
        if (MessageMix.languageOf(c) == MessageMix.Mix.EN) {
          text = en.get(enCursor);
          enCursor = (enCursor + 1) % en.size();
        } else {
          text = fr.get(frCursor);
          frCursor = (frCursor + 1) % fr.size();
        }
        // Fresh id strings, as a platform's would be: the tracker alone keeps what it keeps.
        tracker.observe(new Message(MessageMix.conversationId(c), MessageMix.senderId(c, m & 1), t,
            text, null, null));
      }
      second += 60;
    }
    if (tracker.size() != conversations) {
      throw new IllegalStateException("tracker holds " + tracker.size() + " conversations, expected "
          + conversations);
    }
    long filled = usedAfterGc();

    long snapshotBytes = 0;
    for (int c = 0; c < conversations; c++) {
      snapshotBytes += tracker.snapshot(MessageMix.conversationId(c)).map(b -> b.length).orElse(0);
    }

    String method;
    double jolPerConversation = Double.NaN;
    String jolError = null;
    String footprint = "";
    try {
      GraphLayout full = GraphLayout.parseInstance(tracker);
      GraphLayout base = GraphLayout.parseInstance(empty);
      jolPerConversation = (full.totalSize() - base.totalSize()) / (double) conversations;
      footprint = full.subtract(base).toFootprint();
      method = "jol";
    } catch (RuntimeException | LinkageError e) {
      jolError = e.toString();
      method = "heap-difference";
    }

    // Heap difference: used heap after the fill minus before it (measured before JOL's walk,
    // which allocates a lot).
    double heapPerConversation = (filled - before) / (double) conversations;
    int keep = tracker.size();

    double retained = method.equals("jol") ? jolPerConversation : heapPerConversation;
    System.out.printf(Locale.ROOT, "conversations: %d two-party, %d messages each (tracked: %d)%n",
        conversations, messages, keep);
    System.out.printf(Locale.ROOT, "JOL graph walk:   %s%n", Double.isNaN(jolPerConversation)
        ? "failed (" + jolError + ")" : String.format(Locale.ROOT, "%.1f bytes/conversation", jolPerConversation));
    System.out.printf(Locale.ROOT, "heap difference:  %.1f bytes/conversation%n", heapPerConversation);
    System.out.printf(Locale.ROOT, "snapshot size:    %.1f bytes/conversation (mean)%n",
        snapshotBytes / (double) conversations);
    System.out.printf(Locale.ROOT, "retained (%s): %.1f bytes per two-party conversation%n", method, retained);

    if (!footprint.isEmpty()) {
      printFootprint(footprint, conversations);
    }
    if (json != null) {
      String out = String.format(Locale.ROOT,
          "{\"retained_bytes_per_conversation\": %.1f, \"method\": \"%s\", \"jol_bytes_per_conversation\": %s,"
              + " \"heap_difference_bytes_per_conversation\": %.1f, \"snapshot_bytes_per_conversation\": %.1f,"
              + " \"conversations\": %d, \"messages_per_conversation\": %d}%n",
          retained, method, Double.isNaN(jolPerConversation) ? "null"
              : String.format(Locale.ROOT, "%.1f", jolPerConversation),
          heapPerConversation, snapshotBytes / (double) conversations, conversations, messages);
      Files.writeString(json, out, StandardCharsets.UTF_8);
    }
    // Keep the empty tracker reachable until the last measurement.
    if (empty.size() != 0) {
      throw new IllegalStateException("unexpected state");
    }
  }

  /** JOL's footprint table (tracker minus empty tracker), largest first, per conversation. */
  private static void printFootprint(String footprint, int conversations) {
    record Row(long count, long sum, String type) {}
    List<Row> rows = new java.util.ArrayList<>();
    java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S.*)$");
    for (String line : footprint.split("\\R")) {
      java.util.regex.Matcher m = row.matcher(line);
      if (m.matches()) {
        rows.add(new Row(Long.parseLong(m.group(1)), Long.parseLong(m.group(3)), m.group(4).strip()));
      }
    }
    rows.sort((x, y) -> Long.compare(y.sum(), x.sum()));
    System.out.println("retained by class, largest first (per conversation: bytes, objects):");
    for (int i = 0; i < Math.min(rows.size(), 15); i++) {
      Row r = rows.get(i);
      System.out.printf(Locale.ROOT, "  %7.1f B  %5.2f  %s%n", r.sum() / (double) conversations,
          r.count() / (double) conversations, r.type());
    }
  }

  /** Used heap after a few full collections (System.gc() is a full GC with the default G1). */
  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
