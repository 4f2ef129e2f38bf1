package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExampleFileTest {
  private static final Path EXAMPLE = Path.of("conf", "scopegate.example.yaml");

  @Test
  void theExampleLoadsAndMatchesTheDefaults() {
    Config c = ConfigLoader.load(Optional.of(EXAMPLE),
        Map.of("SCOPEGATE_UPSTREAM_HTTP", "http://dummy:1"));

    Config defaults = ConfigLoader.defaults(URI.create("http://dummy:1"));
    assertEquals(defaults.server(), c.server());
    assertEquals(defaults.ipc(), c.ipc());
    assertEquals(defaults.privacy(), c.privacy());
    assertEquals(defaults.auth(), c.auth());
    assertEquals(defaults.metrics(), c.metrics());
    assertEquals(defaults.log(), c.log());
    assertEquals(defaults.lifecycle(), c.lifecycle());
    assertEquals(Optional.of(URI.create("ws://127.0.0.1:23000")), c.upstream().ws());
  }

  @Test
  void theExampleNamesEveryKey() {
    Set<String> written = FileValues.of(YamlFile.read(EXAMPLE)).keySet().stream()
        .map(Key::path).collect(Collectors.toSet());
    Set<String> all = Keys.ALL.stream().map(Key::path).collect(Collectors.toSet());

    assertEquals(all, written);
  }
}
