package dev.scopegate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data training run, in its own JVM as the launcher runs it: it must get
 * every answer and exit 0 (the launcher keeps no archive otherwise), leaving nothing in its temp
 * directory. Slow (a JVM, the demo and a second Scopegate), so one case.
 */
class CdsTrainingTest {
  @TempDir Path tmp;

  @Test
  void startsTheDemoAndAConfiguredScopegateCallsBothAndExitsZero() throws Exception {
    Path output = tmp.resolve("training.log");
    Path temp = Files.createDirectories(tmp.resolve("tmp"));
    ProcessBuilder builder = new ProcessBuilder(List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
            CdsTraining.class.getName()))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    // as in LifecycleProcessTest: the shell's SCOPEGATE_* must not configure the child
    builder.environment().keySet().removeIf(name -> name.startsWith("SCOPEGATE_"));
    Process process = builder.start();
    assertTrue(process.waitFor(240, TimeUnit.SECONDS), "the training did not end");
    assertEquals(0, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    try (var left = Files.list(temp)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("scopegate-")).toList());
    }
  }
}
