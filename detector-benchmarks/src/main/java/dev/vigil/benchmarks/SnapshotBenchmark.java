package dev.vigil.benchmarks;

import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of moving one conversation's state to and from an external store: {@code snapshot} and
 * {@code restore} of a conversation of {@value #MESSAGES} messages between two senders (English,
 * from the {@link MessageMix}, with its risky lines: the state carries stages and signals).
 *
 * <p>Design question: can a platform that keeps tracker state in Redis or a database afford a
 * snapshot after every message, or a restore on every cache miss? Scores are operations per
 * second; the snapshot's size is printed at setup.
 *
 * <p>Run: {@code java -jar detector-benchmarks/target/benchmarks.jar SnapshotBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(2)
@Threads(1)
public class SnapshotBenchmark {

  static final int MESSAGES = 20;

  private ConversationTracker tracker;
  private String conversationId;
  private byte[] state;

  @Setup
  public void setUp() {
    tracker = Detector.builder().build().newTracker();
    Conversations ids = Conversations.of(1);
    conversationId = ids.id(0);
    MessageStream stream = new MessageStream(MessageMix.Mix.EN, ids, MessageMix.SEED);
    for (Message m : stream.conversation(0, MESSAGES)) {
      tracker.observe(m);
    }
    state = tracker.snapshot(conversationId).orElseThrow();
    System.out.println("snapshot of a " + MESSAGES + "-message two-party conversation: "
        + state.length + " bytes");
  }

  @Benchmark
  public byte[] snapshot() {
    return tracker.snapshot(conversationId).orElseThrow();
  }

  @Benchmark
  public ConversationTracker restore() {
    tracker.restore(conversationId, state);
    return tracker;
  }
}
