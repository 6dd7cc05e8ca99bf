package dev.vigil.benchmarks;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Throughput of one tracker as the number of tracked conversations grows, on one and on two
 * threads.
 *
 * <p>Design questions: does the per-conversation map, its locking and its bounded sweep keep
 * {@code observe} flat from 1,000 to 1,000,000 tracked conversations (the default bound), and does
 * a second thread scale it? The tracker is filled in {@code @Setup} (two messages per
 * conversation, one per party, in the {@link MessageMix.Mix#BOTH} mix: even conversations English,
 * odd French). Each message then goes to a uniformly random conversation (no hot set: the hard
 * case for caches). On two threads, each thread talks to its own half of the conversations, so
 * the figure measures the tracker's shared structures, not two threads queueing on one
 * conversation. One invocation is one message: the score is messages per second (for {@code
 * twoThreads}, of both threads together).
 *
 * <p>The 1,000,000 case keeps about a gigabyte live: the forks run with an 8 GiB heap.
 *
 * <p>Run: {@code java -jar detector-benchmarks/target/benchmarks.jar TrackerScaleBenchmark}
 * (quick: {@code -p conversations=1000,100000})
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class TrackerScaleBenchmark {

  /** The tracker, shared by the benchmark threads. */
  @State(Scope.Benchmark)
  public static class Shared {

    /** Tracked conversations, all filled before measuring. */
    @Param({"1000", "100000", "1000000"})
    public int conversations;

    ConversationTracker tracker;
    Conversations ids;

    @Setup(Level.Trial)
    public void setUp() {
      Detector detector = Detector.builder().build();
      tracker = detector.newTracker();
      ids = Conversations.of(conversations);
      new MessageStream(MessageMix.Mix.BOTH, ids, MessageMix.SEED).prepopulate(tracker, 2);
      if (tracker.size() != conversations) {
        throw new IllegalStateException("tracker holds " + tracker.size() + " conversations, expected "
            + conversations);
      }
    }
  }

  /** One thread's messages, over its own share of the conversations. */
  @State(Scope.Thread)
  public static class Feed {

    MessageStream stream;

    @Setup(Level.Trial)
    public void setUp(Shared shared, ThreadParams threads) {
      int n = shared.conversations;
      int t = threads.getThreadIndex();
      int k = threads.getThreadCount();
      stream = new MessageStream(MessageMix.Mix.BOTH, shared.ids, (int) ((long) n * t / k),
          (int) ((long) n * (t + 1) / k), MessageMix.SEED + t);
      // Message time goes on after the fill's two rounds.
      stream.startAt(MessageStream.EPOCH_SECOND + 2 * MessageStream.SECONDS_PER_ROUND);
    }
  }

  @Benchmark
  @Threads(1)
  public Assessment oneThread(Shared shared, Feed feed) {
    return shared.tracker.observe(feed.stream.next());
  }

  @Benchmark
  @Threads(2)
  public Assessment twoThreads(Shared shared, Feed feed) {
    return shared.tracker.observe(feed.stream.next());
  }
}
