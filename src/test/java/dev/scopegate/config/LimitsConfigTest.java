package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.limits.LimitSet;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code limits.*}: read from the file and the environment, off by default, mistakes named. */
class LimitsConfigTest {
  @TempDir Path dir;

  @Test
  void offByDefault() {
    Config.Limits limits = Yaml.load(dir, Yaml.UPSTREAM).limits();
    assertEquals(LimitSet.OFF, limits.tenant());
    assertEquals(LimitSet.OFF, limits.operator());
    assertEquals(0, limits.maxLogsBlockRange());
    assertEquals(Optional.empty(), limits.redisUrl());
    assertEquals("local", limits.redisOnFailure());
    assertEquals(java.time.Duration.ZERO, limits.maxTraceTimeout());
    assertEquals(java.time.Duration.ZERO, limits.operatorMaxTraceTimeout());
  }

  @Test
  void traceTimeoutCapsAreDurationsOrZero() {
    Config.Limits limits = Yaml.load(dir, Yaml.UPSTREAM + """
        limits:
          maxTraceTimeout: 5s
          operator: { maxTraceTimeout: 2m }
        """).limits();
    assertEquals(java.time.Duration.ofSeconds(5), limits.maxTraceTimeout());
    assertEquals(java.time.Duration.ofMinutes(2), limits.operatorMaxTraceTimeout());
    assertEquals(java.time.Duration.ZERO, Yaml.load(dir, Yaml.UPSTREAM + "limits: { maxTraceTimeout: 0 }\n")
        .limits().maxTraceTimeout(), "0 is off, as for the other limits");
    assertEquals(java.time.Duration.ofMillis(1500), Yaml.load(dir, Yaml.UPSTREAM,
        Map.of("SCOPEGATE_LIMITS_MAXTRACETIMEOUT", "1500ms")).limits().maxTraceTimeout());
    for (String bad : new String[] {"5", "-5s", "five", "1.5s", "25h", "5d"}) {
      assertTrue(error("limits: { maxTraceTimeout: \"" + bad + "\" }\n").startsWith("limits.maxTraceTimeout: expected"),
          bad + " → " + error("limits: { maxTraceTimeout: \"" + bad + "\" }\n"));
    }
  }

  @Test
  void readFromTheFileAndTheEnvironment() {
    Config.Limits limits = Yaml.load(dir, Yaml.UPSTREAM + """
        limits:
          tenant: { requestsPerSecond: 10, burst: 20, concurrent: 4, costPerSecond: 100 }
          operator: { concurrent: 50 }
          maxLogsBlockRange: 5000
          redis: { url: "redis://:secret@cache:6379/0", onFailure: refuse }
        """, Map.of("SCOPEGATE_LIMITS_TENANT_BURST", "30")).limits();
    assertEquals(new LimitSet(10, 30, 4, 100), limits.tenant());
    assertEquals(new LimitSet(0, 0, 50, 0), limits.operator());
    assertEquals(5000, limits.maxLogsBlockRange());
    assertEquals(Optional.of(URI.create("redis://:secret@cache:6379/0")), limits.redisUrl());
    assertEquals("refuse", limits.redisOnFailure());
    assertTrue(!limits.toString().contains("secret"), "the Redis password stays out of logs");
  }

  @Test
  void mistakesAreNamed() {
    assertEquals("limits.tenant.requestsPerSecond: expected an integer of at least 0, got \"-1\"",
        error("limits:\n  tenant: { requestsPerSecond: -1 }\n"));
    assertTrue(error("limits:\n  redis: { onFailure: open }\n").startsWith("limits.redis.onFailure: expected local or refuse"));
    assertTrue(error("limits:\n  redis: { url: \"http://cache:6379\" }\n").startsWith("limits.redis.url: expected a redis or rediss URL"));
    assertEquals("limits.tenant.rps: unknown configuration key", error("limits:\n  tenant: { rps: 1 }\n"));
  }

  private String error(String yaml) {
    return assertThrows(ConfigException.class, () -> Yaml.load(dir, Yaml.UPSTREAM + yaml)).getMessage();
  }
}
