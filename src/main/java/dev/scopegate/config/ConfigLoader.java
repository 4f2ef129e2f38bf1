package dev.scopegate.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the configuration: the YAML file (optional), then the environment over it, then
 * defaults, then the rules that span keys. Any problem is a {@link ConfigException}.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** From the file, if any, and the process environment. */
  public static Config load(Optional<Path> file) {
    return load(file, System.getenv());
  }

  public static Config load(Optional<Path> file, Map<String, String> env) {
    return build(file.map(YamlFile::read).orElse(Raw.Tree.EMPTY), Map.of(), env);
  }

  /**
   * With the GoQuorum security plugin's {@code config.json} as well: its settings first, the YAML
   * file over them, the environment over both.
   */
  public static Config load(
      Optional<Path> file, Optional<Path> securityConfig, Map<String, String> env) {
    Map<Key<?>, Sourced> plugin = securityConfig
        .map(path -> SecurityPluginFile.read(path, env)).orElse(Map.of());
    return build(file.map(YamlFile::read).orElse(Raw.Tree.EMPTY), plugin, env);
  }

  /**
   * From a YAML-like tree of maps, lists and scalars instead of a file, e.g.
   * {@code Map.of("upstream", Map.of("http", "http://127.0.0.1:22000"))}; same rules as a file.
   */
  public static Config fromMap(Map<String, ?> tree, Map<String, String> env) {
    return build(MapTree.of(tree), Map.of(), env);
  }

  /** Every default, with the one required key given; no environment is read. */
  public static Config defaults(URI upstreamHttp) {
    return fromMap(Map.of("upstream", Map.of("http", upstreamHttp.toString())), Map.of());
  }

  private static Config build(
      Raw.Tree tree, Map<Key<?>, Sourced> plugin, Map<String, String> env) {
    Map<Key<?>, Sourced> given = new HashMap<>(plugin);
    given.putAll(FileValues.of(tree));
    given.putAll(EnvValues.of(env)); // the environment wins over the file
    Settings settings = OrchestrateVariables.apply(
        ApiKeyVariable.apply(Settings.resolve(given), env), env);
    CrossChecks.check(settings);
    return ConfigAssembler.assemble(settings);
  }
}
