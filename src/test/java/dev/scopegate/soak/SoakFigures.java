package dev.scopegate.soak;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a soak counts: calls per transport, denials, hostile calls refused as they should be,
 * leaks and unexpected answers (each kept, the first 50 in full), latencies, and memory samples
 * over time.
 */
final class SoakFigures {
  record Sample(long second, long rssKiB, long heapUsedMiB, long liveHeapMiB, long calls) {}

  final ConcurrentHashMap<String, AtomicLong> calls = new ConcurrentHashMap<>();
  final AtomicLong denials = new AtomicLong();
  final AtomicLong hostile = new AtomicLong();
  final AtomicLong notifications = new AtomicLong();
  final AtomicLong socketDrops = new AtomicLong();
  final AtomicLong leaks = new AtomicLong();
  final AtomicLong unexpected = new AtomicLong();
  final Queue<String> problems = new ConcurrentLinkedQueue<>();
  final List<Sample> samples = new ArrayList<>();
  private final Queue<long[]> latencies = new ConcurrentLinkedQueue<>();

  void call(String transport) {
    calls.computeIfAbsent(transport, t -> new AtomicLong()).incrementAndGet();
  }

  long totalCalls() {
    return calls.values().stream().mapToLong(AtomicLong::get).sum();
  }

  void leak(String what) {
    leaks.incrementAndGet();
    keep("LEAK " + what);
  }

  void unexpected(String what) {
    unexpected.incrementAndGet();
    // the instant, to find the moment in the server's log (a connection closed under a request)
    keep("UNEXPECTED at " + Instant.now() + " " + what);
  }

  private void keep(String line) {
    if (problems.size() < 50) {
      problems.add(line.length() > 600 ? line.substring(0, 600) + "…" : line);
    }
  }

  /** One worker's latencies, in nanoseconds, handed over when it stops. */
  void latencies(long[] nanos) {
    latencies.add(nanos);
  }

  long percentileMicros(double p) {
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (all.length == 0) {
      return 0;
    }
    return all[(int) Math.min(all.length - 1, Math.floor(p * all.length))] / 1000;
  }

  /** Memory now, and the live set: what a full collection leaves (a pause the latencies include). */
  synchronized void sample(long second) {
    long used = usedHeap();
    System.gc();
    samples.add(new Sample(second, rssKiB(), used >> 20, usedHeap() >> 20, totalCalls()));
  }

  static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** This process's resident set (Linux), in KiB; 0 where unknown. */
  static long rssKiB() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst().orElse(0);
    } catch (Exception unknown) {
      return 0;
    }
  }

  String report(String duration, int tenants) {
    StringBuilder out = new StringBuilder();
    out.append("soak ").append(duration).append(", ").append(tenants).append(" tenants + 1 operator\n");
    out.append("calls ").append(totalCalls()).append(" ").append(calls).append("\n");
    out.append("denials ").append(denials).append(", hostile refused ").append(hostile)
        .append(", notifications ").append(notifications).append(", node socket drops ").append(socketDrops).append("\n");
    out.append("leaks ").append(leaks).append(", unexpected ").append(unexpected).append("\n");
    out.append("latency p50 ").append(percentileMicros(0.50)).append(" us, p99 ")
        .append(percentileMicros(0.99)).append(" us\n");
    out.append("second | calls so far | RSS MiB | heap used MiB | live heap after a full GC MiB\n");
    synchronized (this) {
      for (Sample s : samples) {
        out.append(s.second()).append(" | ").append(s.calls()).append(" | ").append(s.rssKiB() >> 10)
            .append(" | ").append(s.heapUsedMiB()).append(" | ").append(s.liveHeapMiB()).append("\n");
      }
    }
    problems.forEach(p -> out.append(p).append("\n"));
    return out.toString();
  }
}
