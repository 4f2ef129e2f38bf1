package dev.scopegate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: what to do, with which configuration file (and GoQuorum security plugin
 * file), settings given as flags ({@code --port}), kept as the environment variables they stand
 * for, which they override, and whether the demo's dev node runs multiple private states.
 */
record Cli(
    Mode mode,
    Optional<Path> configFile,
    boolean reindex,
    Map<String, String> settings,
    Optional<Path> securityConfig,
    boolean mps) {

  Cli(Mode mode, Optional<Path> configFile, boolean reindex) {
    this(mode, configFile, reindex, Map.of(), Optional.empty(), false);
  }

  /** Flags that set a configuration key, and the variable each stands for. */
  private static final Map<String, String> SETTING_FLAGS =
      Map.of("--port", "SCOPEGATE_SERVER_PORT", "--metrics-port", "SCOPEGATE_METRICS_PORT");

  enum Mode {
    RUN,
    DEMO,
    HELP,
    VERSION
  }

  static final String USAGE =
      """
      Usage:
        scopegate demo                 start a dev node and Scopegate in front of it, print tokens
        scopegate demo --mps           the same, the dev node running multiple private states
        scopegate --config FILE        run against a real node, configured by FILE (YAML)
        scopegate                      run configured by SCOPEGATE_* environment variables only
        scopegate ... --reindex        rebuild the privacy index from privacy.index.fromBlock
        scopegate ... --security-config FILE
                                       also read a GoQuorum security plugin config.json
        scopegate ... --port N         server.port (0: any free port); --metrics-port N: metrics.port
        scopegate --help | --version

      Every configuration key can also be set as SCOPEGATE_<KEY PATH>, upper-cased, dots as '_'
      (upstream.http -> SCOPEGATE_UPSTREAM_HTTP); the environment wins over the file.
      AUTH_API_KEY sets auth.apiKey. LOG_LEVEL (e.g. DEBUG) sets the log level.
      See conf/scopegate.example.yaml and the README for every key.
      """;

  /** Parses arguments; an {@link IllegalArgumentException} carries a one-line complaint. */
  static Cli parse(String... args) {
    Mode mode = Mode.RUN;
    Optional<Path> config = Optional.empty();
    boolean reindex = false;
    Optional<Path> security = Optional.empty();
    Map<String, String> settings = new LinkedHashMap<>();
    boolean mps = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "demo" -> mode = Mode.DEMO;
        case "--reindex" -> reindex = true;
        case "--mps" -> mps = true;
        case "-h", "--help", "help" -> {
          return new Cli(Mode.HELP, Optional.empty(), false);
        }
        case "--version", "version" -> {
          return new Cli(Mode.VERSION, Optional.empty(), false);
        }
        case "--config", "-c" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--config needs a file path");
          }
          config = Optional.of(Path.of(args[++i]));
        }
        case "--security-config" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--security-config needs a file path");
          }
          security = Optional.of(Path.of(args[++i]));
        }
        case "--port", "--metrics-port" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a port number");
          }
          settings.put(SETTING_FLAGS.get(args[i]), args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (mode == Mode.DEMO && (config.isPresent() || security.isPresent())) {
      throw new IllegalArgumentException("demo runs its own dev node; it takes no --config");
    }
    if (mps && mode != Mode.DEMO) {
      throw new IllegalArgumentException("--mps is a demo option (a real node's mode is detected, or set by upstream.mode)");
    }
    return new Cli(mode, config, reindex, Map.copyOf(settings), security, mps);
  }
}
