package dev.vigil.cli;

import dev.vigil.cli.input.InputException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code vigil-cli} command line: {@code scan} and {@code eval}. {@link #main} runs it on the
 * process's streams and exits; {@link #execute} runs it on given streams and returns the exit
 * code (for tests and embedding).
 *
 * <p>Exit codes: {@value #EXIT_OK} when the input was read (even with malformed lines), {@value
 * #EXIT_INPUT} for unreadable input or bad options (usage error), {@value #EXIT_FAILURE} for an
 * unexpected failure, reported in one line on standard error (with a stack trace only with {@code
 * --debug}).
 *
 * <p>Not thread-safe: each {@link #execute} call builds its own command objects.
 */
@Command(name = "vigil-cli", mixinStandardHelpOptions = true, version = "vigil-cli 0.1.0",
    description = "Detect online grooming and sextortion in chat conversations.",
    synopsisSubcommandLabel = "(scan | eval)")
public final class VigilCli implements Runnable {

  /** The input was read. */
  public static final int EXIT_OK = 0;
  /** An unexpected failure. */
  public static final int EXIT_FAILURE = 1;
  /** Unreadable input or bad options. */
  public static final int EXIT_INPUT = 2;

  @Spec CommandSpec spec;

  private VigilCli() {}

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: scan, eval or calibrate");
  }

  /** Runs the command line on the process's streams and exits with its code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    int code = execute(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line on the given streams.
   *
   * @param args the arguments, e.g. {@code scan file.jsonl}
   * @param in standard input, read for the file name {@code -}
   * @param out standard output: results
   * @param err standard error: progress, problems and summaries
   * @return the exit code
   */
  public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Io io = new Io(in, out, err);
    CommandLine cl = new CommandLine(new VigilCli());
    cl.addSubcommand("scan", new ScanCommand(io));
    cl.addSubcommand("eval", new EvalCommand(io));
    cl.addSubcommand("calibrate", new CalibrateCommand(io));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setExitCodeExceptionMapper(e -> e instanceof ParameterException ? EXIT_INPUT : EXIT_FAILURE);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      err.println("vigil-cli: unexpected failure: " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())));
      if (isDebug(commandLine)) {
        ex.printStackTrace(err);
      } else {
        err.println("vigil-cli: run again with --debug for details");
      }
      err.flush();
      return EXIT_FAILURE;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static boolean isDebug(CommandLine commandLine) {
    Object command = commandLine.getCommand();
    if (command instanceof ScanCommand s) {
      return s.common.debug;
    }
    if (command instanceof EvalCommand e) {
      return e.common.debug;
    }
    if (command instanceof CalibrateCommand c) {
      return c.common.debug;
    }
    return false;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** One line about an input that could not be read. */
  static String describeInputError(IOException e) {
    if (e instanceof InputException) {
      return e.getMessage();
    }
    return "cannot read the input: " + e.getClass().getSimpleName();
  }
}
