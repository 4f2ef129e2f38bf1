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
