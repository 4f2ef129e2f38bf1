package dev.scopegate.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class BoundedCountersTest {

  @Test
  void valuesPastTheLimitShareTheOtherSeries() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BoundedCounters counters = new BoundedCounters(registry, "t.calls", "test", "http", "tenant", 2);

    counters.of("a").increment();
    counters.of("b").increment();
    counters.of("c").increment();
    counters.of("d").increment(2);
    counters.of("a").increment();

    assertEquals(2, registry.get("t.calls").tag("tenant", "a").counter().count());
    assertEquals(1, registry.get("t.calls").tag("tenant", "b").counter().count());
    assertEquals(3, registry.get("t.calls").tag("tenant", "other").counter().count());
    assertEquals(3, registry.find("t.calls").counters().size(), "two named series and other, no more");
  }
}
