package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.detector.Assessment;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.Signal;
import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumSet;

/**
 * Writes the {@code scan} output of DESIGN.md, one JSON object per line: {@code conversation,
 * index, sender, stage, current_stage, risk} (3 decimals){@code , level, signals} (in enum
 * order){@code , suspect}, and with evidence on, {@code evidence: [{index, start, end, source,
 * stage, signal, weight}]} (plus {@code snippet} when the detector includes snippets). A malformed
 * input line is written as {@code {"line": N, "error": "..."}}. Not thread-safe.
 */
final class ScanWriter {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final PrintStream out;
  private final JsonGenerator json;
  private final boolean evidence;

  ScanWriter(PrintStream out, boolean evidence) throws IOException {
    this.out = out;
    this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    this.json.setRootValueSeparator(null);
    this.evidence = evidence;
  }

  void write(Assessment a) throws IOException {
    json.writeStartObject();
    json.writeStringField("conversation", a.conversationId());
    json.writeNumberField("index", a.messageIndex());
    json.writeStringField("sender", a.senderId());
    json.writeStringField("stage", a.stage() == null ? null : a.stage().name());
    json.writeStringField("current_stage", a.currentStage() == null ? null : a.currentStage().name());
    json.writeNumberField("risk", round3(a.risk()));
    json.writeStringField("level", a.level().name());
    json.writeArrayFieldStart("signals");
    EnumSet<Signal> sorted = EnumSet.noneOf(Signal.class);
    sorted.addAll(a.signals());
    for (Signal s : sorted) {
      json.writeString(s.name());
    }
    json.writeEndArray();
    json.writeStringField("suspect", a.suspect());
    if (evidence) {
      json.writeArrayFieldStart("evidence");
      for (Evidence e : a.evidence()) {
        json.writeStartObject();
        json.writeNumberField("index", e.messageIndex());
        json.writeNumberField("start", e.start());
        json.writeNumberField("end", e.end());
        json.writeStringField("source", e.source());
        json.writeStringField("stage", e.stage() == null ? null : e.stage().name());
        json.writeStringField("signal", e.signal() == null ? null : e.signal().name());
        json.writeNumberField("weight", round3(e.weight()));
        if (e.snippet() != null) {
          json.writeStringField("snippet", e.snippet());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  void writeMalformed(int line, String error) throws IOException {
    json.writeStartObject();
    json.writeNumberField("line", line);
    json.writeStringField("error", error);
    json.writeEndObject();
    json.writeRaw('\n');
  }

  /** Flushes and tells whether standard output failed (e.g. the reader of a pipe went away). */
  boolean flushAndCheckError() throws IOException {
    json.flush();
    return out.checkError();
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
