package dev.scopegate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./scopegate} launcher's JVM defaults and class-data archive, run for real (bash) in
 * a copy beside a jar, with a stand-in {@code java} first on the PATH that records each command
 * line and, for a training run, writes the archive it is asked for (or fails, when told to).
 */
class LauncherTest {
  @TempDir Path dir;
  private Path jar;
  private Path archive;
  private Path calls;

  @BeforeEach
  void layOut() throws IOException {
    Files.copy(Path.of("scopegate"), dir.resolve("scopegate"));
    Files.createDirectories(dir.resolve("target"));
    jar = Files.writeString(dir.resolve("target/scopegate.jar"), "a jar");
    archive = dir.resolve("target/scopegate.jsa");
    calls = dir.resolve("calls");
    Path java = Files.writeString(Files.createDirectories(dir.resolve("bin")).resolve("java"), """
        #!/usr/bin/env bash
        echo "$*" >>"$CALLS"
        for arg in "$@"; do
          case "$arg" in
            -XX:ArchiveClassesAtExit=*) [ -z "${FAIL_TRAINING:-}" ] || exit 1; echo archive >"${arg#*=}" ;;
          esac
        done
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Runs the launcher with {@code env}; the java command lines it ran, in order. */
  private List<String> run(Map<String, String> env) throws Exception {
    Files.deleteIfExists(calls);
    ProcessBuilder builder = new ProcessBuilder("bash", dir.resolve("scopegate").toString(), "--version")
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("SCOPEGATE_") || name.startsWith("JAVA_")
        || name.equals("JDK_JAVA_OPTIONS"));
    builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    builder.environment().put("CALLS", calls.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    return Files.readAllLines(calls);
  }

  private static boolean trains(String call) {
    return call.contains("-XX:ArchiveClassesAtExit=") && call.contains("dev.scopegate.demo.CdsTraining");
  }

  @Test
  void trainsOnceThenEveryStartMapsTheArchive() throws Exception {
    List<String> first = run(Map.of());
    assertEquals(2, first.size(), first.toString());
    assertTrue(trains(first.get(0)), first.get(0));
    assertTrue(first.get(1).contains("-XX:SharedArchiveFile=" + archive), first.get(1));
    assertTrue(first.get(1).endsWith("-jar " + jar + " --version"), first.get(1));

    List<String> second = run(Map.of());
    assertEquals(1, second.size(), second.toString());
    assertTrue(second.get(0).contains("-XX:SharedArchiveFile=" + archive), second.get(0));
  }

  @Test
  void aRebuiltJarIsTrainedAgain() throws Exception {
    run(Map.of());
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
    List<String> again = run(Map.of());
    assertEquals(2, again.size(), again.toString());
    assertTrue(trains(again.get(0)), again.get(0));
    assertTrue(again.get(1).contains("-XX:SharedArchiveFile=" + archive), again.get(1));
  }

  @Test
  void aFailedTrainingStartsWithoutAnArchive() throws Exception {
    List<String> calls = run(Map.of("FAIL_TRAINING", "1"));
    assertEquals(2, calls.size(), calls.toString());
    assertFalse(calls.get(1).contains("SharedArchiveFile"), calls.get(1));
    assertFalse(Files.exists(archive));
  }

  @Test
  void sharingSettingsOfOnesOwnLeaveTheArchiveAlone() throws Exception {
    List<String> calls = run(Map.of("JAVA_OPTS", "-Xshare:off"));
    assertEquals(1, calls.size(), calls.toString());
    assertFalse(calls.get(0).contains("SharedArchiveFile"), calls.get(0));
    assertTrue(calls.get(0).contains("-Xshare:off -jar"), calls.get(0));
  }

  @Test
  void theDefaultsComeFirstSoThatJavaOptsOverrideThem() throws Exception {
    String run = run(Map.of("JAVA_OPTS", "-XX:MetaspaceSize=128m -Dx=y")).get(1);
    assertTrue(run.contains("-XX:+UseSerialGC -Xmn128m"), run);
    assertTrue(run.contains("-XX:+ExitOnOutOfMemoryError"), run);
    assertFalse(run.contains("-XX:MetaspaceSize=64m"), run);
    assertTrue(run.indexOf("-XX:SharedArchiveFile") < run.indexOf("-XX:MetaspaceSize=128m -Dx=y -jar"), run);
  }

  @Test
  void aCollectorOfOnesOwnReplacesTheDefaultOne() throws Exception {
    for (Map<String, String> env : List.of(
        Map.of("JAVA_OPTS", "-XX:+UseG1GC"),
        Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseParallelGC"),
        Map.of("JDK_JAVA_OPTIONS", "-Xmx1g -XX:+UseZGC"))) {
      List<String> calls = run(env);
      String run = calls.get(calls.size() - 1);
      assertFalse(run.contains("-XX:+UseSerialGC"), env + ": " + run);
      assertFalse(run.contains("-Xmn128m"), env + ": " + run); // sized for Serial only
    }
  }

  @Test
  void aYoungGenerationOfOnesOwnReplacesTheDefaultOne() throws Exception {
    String run = run(Map.of("JAVA_OPTS", "-XX:MaxNewSize=64m")).get(1);
    assertTrue(run.contains("-XX:+UseSerialGC"), run);
    assertFalse(run.contains("-Xmn128m"), run);
  }
}
