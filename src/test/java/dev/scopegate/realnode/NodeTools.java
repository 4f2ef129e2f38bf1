package dev.scopegate.realnode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real parts installed by {@code npm ci} in {@code src/test/js} (pinned in its
 * package-lock.json): anvil, cast, ethers, viem. Without them a developer's run skips these tests
 * with the command to run; under CI ({@code CI} set) their absence fails the test instead, so a
 * build that forgot to install them cannot pass green.
 */
final class NodeTools {
  static final Path JS = Path.of("src/test/js").toAbsolutePath();
  private static final Path MODULES = JS.resolve("node_modules");

  private NodeTools() {}

  static Path anvil() {
    return require(MODULES.resolve("@foundry-rs/anvil-linux-amd64/bin/anvil"));
  }

  static Path cast() {
    return require(MODULES.resolve("@foundry-rs/cast-linux-amd64/bin/cast"));
  }

  /** A script of {@code src/test/js}, once its packages (ethers, viem) are installed. */
  static Path script(String name) {
    require(MODULES.resolve("ethers"));
    require(MODULES.resolve("viem"));
    return JS.resolve(name);
  }

  private static Path require(Path part) {
    if (Files.isExecutable(part) || Files.isDirectory(part)) {
      return part;
    }
    String missing = part + " is missing: run `npm ci --prefix src/test/js` (.ci/run does)";
    if (System.getenv("CI") != null && !System.getenv("CI").isEmpty()) {
      throw new AssertionError(missing);
    }
    Assumptions.abort(missing);
    return part;
  }
}
