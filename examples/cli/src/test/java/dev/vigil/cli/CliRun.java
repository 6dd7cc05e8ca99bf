package dev.vigil.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs {@link VigilCli#execute} on captured streams, for tests. */
record CliRun(int code, String out, String err) {

  static CliRun withStdin(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = VigilCli.execute(args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static CliRun run(String... args) {
    return withStdin("", args);
  }

  /** Standard output split into lines, without the empty string after the last newline. */
  List<String> outLines() {
    if (out.isEmpty()) {
      return List.of();
    }
    List<String> lines = Arrays.asList(out.split("\n", -1));
    return out.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
  }
}
