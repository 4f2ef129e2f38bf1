package dev.scopegate.realnode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one client script of {@code src/test/js} with Node.js, bounded in time. A script prints one
 * JSON line of facts when every check passed and exits 0; anything else fails the test with the
 * script's output.
 */
final class NodeScript {
  private static final long LIMIT_SECONDS = 150;

  private NodeScript() {}

  static JsonNode run(String script, Map<String, String> env) throws Exception {
    Path file = NodeTools.script(script);
    Path out = Files.createTempFile("node-script-", ".out");
    Path err = Files.createTempFile("node-script-", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(List.of("node", file.toString()))
          .directory(NodeTools.JS.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(script + " did not finish in " + LIMIT_SECONDS + " s\n" + output(out, err));
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(script + " exited " + process.exitValue() + "\n" + output(out, err));
      }
      List<String> lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
      lines.removeIf(String::isBlank);
      return Json.MAPPER.readTree(lines.get(lines.size() - 1));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String output(Path out, Path err) throws IOException {
    return "stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err);
  }
}
