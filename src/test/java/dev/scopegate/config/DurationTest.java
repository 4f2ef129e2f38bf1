package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTest {
  private static Config withTimeout(String text) {
    return ConfigLoader.load(Optional.empty(), Map.of(
        "SCOPEGATE_UPSTREAM_HTTP", "http://node:1", "SCOPEGATE_UPSTREAM_TIMEOUT", text));
  }

  @ParameterizedTest
  @CsvSource({"500ms, 500", "30s, 30000", "5m, 300000", "1h, 3600000", "0s, 0"})
  void durationsAreWrittenWithAUnit(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), withTimeout(text).upstream().timeout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "0"})
  void aBareNumberIsRefusedWithAHint(String text) {
    ConfigException e = assertThrows(ConfigException.class, () -> withTimeout(text));
    assertEquals("SCOPEGATE_UPSTREAM_TIMEOUT: expected a duration, got \"" + text
        + "\"; write a unit, e.g. 30s", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"30 sec", "1.5s", "-1s", "PT30S", "s", ""})
  void otherTextIsRefused(String text) {
    ConfigException e = assertThrows(ConfigException.class, () -> withTimeout(text));
    assertEquals("SCOPEGATE_UPSTREAM_TIMEOUT: expected a duration with a unit (ms, s, m, h), got \""
        + text + "\"", e.getMessage());
  }
}
