package dev.scopegate;

import dev.scopegate.config.Config;
import dev.scopegate.config.ConfigException;
import dev.scopegate.config.ConfigLoader;
import dev.scopegate.demo.Demo;
import dev.scopegate.observe.LogFormat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** Entry point: parses the command line, starts Scopegate or the demo, stops on SIGINT/SIGTERM. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final long START_SECONDS = 60;

  private Main() {}

  public static void main(String[] args) {
    quietNettyEvents();
    Cli cli;
    try {
      cli = Cli.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("scopegate: " + e.getMessage());
      System.err.print(Cli.USAGE);
      System.exit(2);
      return;
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(cli.settings());
    switch (cli.mode()) {
      case HELP -> System.out.print(Cli.USAGE);
      case VERSION -> System.out.println("scopegate " + version());
      case DEMO ->
          runUntilStopped(
              vertx ->
                  Demo.start(vertx, env, cli.mps())
                      .onSuccess(demo -> System.out.print(demo.banner()))
                      .map(demo -> demo::stop));
      case RUN -> {
        Config config;
        try {
          config = ConfigLoader.load(cli.configFile(), cli.securityConfig(), env);
        } catch (ConfigException e) {
          System.err.println("scopegate: configuration: " + e.getMessage());
          System.exit(2);
          return;
        }
        LogFormat.apply(config.log());
        runUntilStopped(vertx -> Scopegate.start(vertx, config, cli.reindex()).map(s -> s::shutdown));
      }
    }
  }

  /**
   * Netty 4.2 registers JFR events for its allocator when JFR is available, which initialises
   * JFR's whole type library at the first allocation, in every start (a tenth of the time to
   * ready). Off unless asked for ({@code -Dio.netty.jfr.enabled=true}, e.g. when profiling).
   */
  public static void quietNettyEvents() {
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
  }

  /**
   * The Vert.x instance of a process: on Linux's native transport (epoll, shipped for x86-64 in
   * the jar) when it loads (docs/performance.md, "Native transport": the WebSocket and node-facing
   * rows faster, the HTTP rows unchanged); otherwise NIO, with the reason. Which one runs is
   * logged at start either way.
   * {@code -Dscopegate.nativeTransport=false} keeps NIO (to rule the native library out when
   * troubleshooting, or for an A/B).
   */
  public static Vertx newVertx() {
    boolean wanted = !"false".equalsIgnoreCase(System.getProperty("scopegate.nativeTransport"));
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(wanted));
    if (vertx.isNativeTransportEnabled()) {
      LOG.info("network transport: epoll");
    } else if (!wanted) {
      LOG.info("network transport: nio (-Dscopegate.nativeTransport=false)");
    } else {
      Throwable cause = vertx.unavailableNativeTransportCause();
      LOG.info("network transport: nio ({})",
          cause == null ? "no native transport for this platform" : describe(cause));
    }
    return vertx;
  }

  /** The build's version, from the jar's manifest (Maven's project version); "dev" from classes. */
  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * Starts, then waits for SIGINT or SIGTERM and stops cleanly, ending with a "stopped" line and
   * exit status 0. A signal during the start stops what has started. A failed start tears down
   * first, quietly, so that its one fatal line is the last thing printed, and exits 1.
   */
  private static void runUntilStopped(Starter starter) {
    CompletableFuture<String> signalled = new CompletableFuture<>();
    for (String name : new String[] {"TERM", "INT"}) {
      // A signal often arrives twice (to the process and to its group); the stop is bounded by
      // server.shutdownTimeout anyway, so later ones are ignored.
      Signal.handle(new Signal(name), signal -> signalled.complete("SIG" + name));
    }
    Vertx vertx = newVertx();
    CompletableFuture<Stopper> starting = starter.start(vertx).toCompletionStage().toCompletableFuture();
    try {
      CompletableFuture.anyOf(starting, signalled).get(START_SECONDS, TimeUnit.SECONDS);
      Stopper stopper = starting.get(START_SECONDS, TimeUnit.SECONDS);
      String signal = signalled.get();
      LOG.info("{}: stopping", signal);
      int status = stop(stopper, vertx) ? 0 : 1;
      LOG.info("scopegate stopped");
      System.exit(status);
    } catch (Exception e) {
      Quiet.teardown();
      closeVertx(vertx);
      System.err.println("scopegate: cannot start: " + describe(e));
      System.exit(1);
    }
  }

  private static boolean stop(Stopper stopper, Vertx vertx) {
    boolean clean = true;
    try {
      stopper.stop().await(2 * START_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.error("unclean stop: {}", describe(e));
      clean = false;
    }
    return closeVertx(vertx) && clean;
  }

  // Awaited on its own: a listener chained after close would need an event loop that close has
  // just terminated.
  private static boolean closeVertx(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      LOG.error("unclean stop: {}", describe(e));
      return false;
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null
        && (root.getMessage() == null || root instanceof java.util.concurrent.ExecutionException)) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @FunctionalInterface
  private interface Starter {
    Future<Stopper> start(Vertx vertx);
  }

  @FunctionalInterface
  private interface Stopper {
    Future<Void> stop();
  }
}
