package dev.scopegate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a newcomer meets it, in a real JVM: signals, exit status, the last line
 * printed, and what is left in the temp directory. Slow (a JVM per case), so few cases.
 */
class LifecycleProcessTest {
  private static final String BANNER = "Scopegate demo is running.";

  @TempDir Path tmp;

  /** A started demo process whose output is read as it comes. */
  private record Run(
      Process process, CompletableFuture<Void> banner, List<String> err, CompletableFuture<Void> errEnded) {
    String lastErrLine() {
      synchronized (err) {
        return err.isEmpty() ? "" : err.get(err.size() - 1);
      }
    }
  }

  private Run demo(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "demo"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    // The child reads SCOPEGATE_* as configuration and refuses names it does not know; whatever
    // the shell running the tests exports must not become this child's configuration.
    builder.environment().keySet().removeIf(name -> name.startsWith("SCOPEGATE_"));
    Process process = builder.start();
    CompletableFuture<Void> banner = new CompletableFuture<>();
    List<String> err = new ArrayList<>();
    CompletableFuture<Void> errEnded;
    drain(process.getInputStream(), line -> {
      if (line.equals(BANNER)) {
        banner.complete(null);
      }
    });
    errEnded = drain(process.getErrorStream(), line -> {
      synchronized (err) {
        err.add(line);
      }
    });
    process.onExit().thenRun(() -> banner.completeExceptionally(new AssertionError("exited")));
    return new Run(process, banner, err, errEnded);
  }

  private static CompletableFuture<Void> drain(
      java.io.InputStream in, java.util.function.Consumer<String> each) {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          each.accept(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
      ended.complete(null);
    });
    reader.setDaemon(true);
    reader.start();
    return ended;
  }

  private long demoDirsLeft() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith("scopegate-demo-")).count();
    }
  }

  private static int exitOf(Run run) throws Exception {
    assertTrue(run.process().waitFor(60, TimeUnit.SECONDS), "the process ends");
    run.errEnded().get(10, TimeUnit.SECONDS);
    return run.process().exitValue();
  }

  @Test
  void sigtermRightAfterTheBannerStopsCleanlyExitsZeroAndRemovesTheTempDirectory() throws Exception {
    Run run = demo("--port", "0", "--metrics-port", "0");
    run.banner().get(60, TimeUnit.SECONDS);
    assertEquals(1, demoDirsLeft());

    // Not Process.destroy(): it closes our ends of the pipes, and the last lines would be lost.
    signal(run, "TERM");

    assertEquals(0, exitOf(run), String.join("\n", run.err()));
    awaitLastLine(run, "scopegate stopped");
    assertEquals(0, demoDirsLeft());
  }

  @Test
  void ctrlCRightAfterTheBannerEndsWithTheStoppedLine() throws Exception {
    Run run = demo("--port", "0", "--metrics-port", "0");
    run.banner().get(60, TimeUnit.SECONDS);

    signal(run, "INT");

    assertEquals(0, exitOf(run), String.join("\n", run.err()));
    awaitLastLine(run, "scopegate stopped");
    assertEquals(0, demoDirsLeft());
  }

  @Test
  void aBusyPortFailsWithOneLastLineNamingTheSettingAndLeavesNothingBehind() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run = demo("--port", Integer.toString(taken.getLocalPort()), "--metrics-port", "0");

      assertEquals(1, exitOf(run));
      awaitLastLine(run, "scopegate: cannot start: server.port 127.0.0.1:" + taken.getLocalPort()
          + " is in use; set SCOPEGATE_SERVER_PORT or --port");
      assertEquals(0, demoDirsLeft());
    }
  }

  private static void signal(Run run, String name) throws Exception {
    new ProcessBuilder("kill", "-" + name, Long.toString(run.process().pid())).start().waitFor();
  }

  private static void awaitLastLine(Run run, String expected) {
    assertTrue(run.lastErrLine().endsWith(expected),
        "last line: " + run.lastErrLine() + "\nall:\n" + String.join("\n", run.err()));
  }
}
