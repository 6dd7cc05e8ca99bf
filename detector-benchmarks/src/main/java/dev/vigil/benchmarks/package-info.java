/**
 * JMH benchmarks of Vigil's scoring path, each answering a design question, with the baselines
 * beside the candidate.
 *
 * <ul>
 *   <li>{@link dev.vigil.benchmarks.MessageMix}, {@link dev.vigil.benchmarks.Conversations},
 *       {@link dev.vigil.benchmarks.MessageStream}: the seeded inputs every benchmark shares;
 *   <li>{@link dev.vigil.benchmarks.ObserveBenchmark}: messages/s of the default detector per
 *       language (with {@code -prof gc}: bytes allocated per message);
 *   <li>{@link dev.vigil.benchmarks.TrackerScaleBenchmark}: throughput at 1,000 to 1,000,000
 *       tracked conversations, on one and two threads;
 *   <li>{@link dev.vigil.benchmarks.SnapshotBenchmark}: snapshot and restore of one
 *       conversation;
 *   <li>{@link dev.vigil.benchmarks.BaselineBenchmark}: Lucene analysis alone and a naive regex
 *       ({@link dev.vigil.benchmarks.LexiconRegex}) over the same messages;
 *   <li>{@link dev.vigil.benchmarks.RetainedMemory}: heap retained per tracked conversation
 *       (JOL);
 *   <li>{@link dev.vigil.benchmarks.ResultsReport}: {@code results/latest.json} and {@code
 *       latest.md} for {@code run.sh}.
 * </ul>
 *
 * <p>Only detector-core's public API is used. Build: {@code mvn -B -q -pl detector-benchmarks -am
 * package -DskipTests}; run everything: {@code detector-benchmarks/run.sh [--quick]}.
 */
package dev.vigil.benchmarks;
