package dev.scopegate.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's ports. A port asked for ({@code --port}, {@code SCOPEGATE_SERVER_PORT}, and the same
 * for metrics) is used as given, and a busy one stops the start naming the setting. A default
 * that is busy is replaced by a free port, and the banner says so: a newcomer's first run should
 * not fail because something else already listens on 8545 or 8082.
 */
record DemoPorts(Map<String, String> env, List<String> replaced, int defaultPort, int defaultMetricsPort) {
  private static final String SERVER = "SCOPEGATE_SERVER_PORT";
  private static final String METRICS = "SCOPEGATE_METRICS_PORT";

  static DemoPorts choose(Map<String, String> given) {
    return choose(given, Demo.DEFAULT_PORT, Demo.DEFAULT_METRICS_PORT);
  }

  static DemoPorts choose(Map<String, String> given, int defaultPort, int defaultMetricsPort) {
    Map<String, String> env = new HashMap<>(given);
    List<String> replaced = new ArrayList<>();
    String host = given.getOrDefault("SCOPEGATE_SERVER_HOST", "127.0.0.1");
    if (!given.containsKey(SERVER) && busy(host, defaultPort)) {
      env.put(SERVER, "0");
      replaced.add(SERVER);
    }
    if (!given.containsKey(METRICS) && busy(host, defaultMetricsPort)) {
      env.put(METRICS, "0");
      replaced.add(METRICS);
    }
    return new DemoPorts(Map.copyOf(env), List.copyOf(replaced), defaultPort, defaultMetricsPort);
  }

  List<String> notes(int port, int metricsPort) {
    List<String> notes = new ArrayList<>();
    if (replaced.contains(SERVER)) {
      notes.add("port " + defaultPort + " is busy; the demo took " + port
          + " instead (choose one with --port)");
    }
    if (replaced.contains(METRICS)) {
      notes.add("port " + defaultMetricsPort + " is busy; metrics took " + metricsPort
          + " instead (choose one with --metrics-port)");
    }
    return notes;
  }

  // A probe, so racy by nature: a port taken between probe and bind still fails the start with a
  // message naming the setting.
  private static boolean busy(String host, int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
