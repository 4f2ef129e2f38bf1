package dev.scopegate;

import dev.scopegate.config.Config;
import dev.scopegate.config.ConfigException;
import dev.scopegate.config.ConfigLoader;
import dev.scopegate.demo.Demo;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point: parses the command line, starts Scopegate or the demo, stops on SIGINT/SIGTERM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Cli cli;
    try {
      cli = Cli.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("scopegate: " + e.getMessage());
      System.err.print(Cli.USAGE);
      System.exit(2);
      return;
    }
    switch (cli.mode()) {
      case HELP -> System.out.print(Cli.USAGE);
      case VERSION -> System.out.println("scopegate " + version());
      case DEMO ->
          runUntilStopped(
              vertx ->
                  Demo.start(vertx, System.getenv(), cli.mps())
                      .onSuccess(demo -> System.out.print(demo.banner()))
                      .map(demo -> demo::stop));
      case RUN -> {
        Config config;
        try {
          config = ConfigLoader.load(cli.configFile());
        } catch (ConfigException e) {
          System.err.println("scopegate: configuration: " + e.getMessage());
          System.exit(2);
          return;
        }
        runUntilStopped(vertx -> Scopegate.start(vertx, config, cli.reindex()).map(s -> s::stop));
      }
    }
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Starts, then blocks the main thread until a signal; stops cleanly before the JVM exits. */
  private static void runUntilStopped(Starter starter) {
    Vertx vertx = Vertx.vertx();
    Stopper stopper;
    try {
      stopper = starter.start(vertx).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("scopegate: cannot start: " + describe(e));
      vertx.close();
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    stopper.stop().await(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    System.err.println("scopegate: unclean stop: " + describe(e));
                  }
                  // Awaited on its own: a listener chained after close would need an event loop
                  // that close has just terminated.
                  try {
                    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    System.err.println("scopegate: unclean stop: " + describe(e));
                  }
                  stopped.countDown();
                },
                "scopegate-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @FunctionalInterface
  private interface Starter {
    io.vertx.core.Future<Stopper> start(Vertx vertx);
  }

  @FunctionalInterface
  private interface Stopper {
    io.vertx.core.Future<Void> stop();
  }
}
