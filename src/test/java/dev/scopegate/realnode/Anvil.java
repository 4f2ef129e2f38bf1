package dev.scopegate.realnode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real anvil (foundry), started on a free port chosen by itself ({@code --port 0}) and stopped
 * by the test. Its first account's key is foundry's well-known test mnemonic's first key.
 */
final class Anvil implements AutoCloseable {
  /** anvil's default account 0 (the "test test … junk" mnemonic), funded with 10 000 ETH. */
  static final String KEY0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  static final String ACCOUNT0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  static final String KEY1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final String ACCOUNT1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

  private static final Pattern LISTENING = Pattern.compile("Listening on ([0-9.]+):(\\d+)");
  private static final Duration START = Duration.ofSeconds(30);

  private final Process process;
  private final URI http;

  private Anvil(Process process, URI http) {
    this.process = process;
    this.http = http;
  }

  /** Starts anvil with these extra flags (e.g. {@code --no-mining}); waits (bounded) until it listens. */
  static Anvil start(String... flags) throws Exception {
    List<String> command = new ArrayList<>(List.of(NodeTools.anvil().toString(), "--port", "0", "--host", "127.0.0.1"));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(process, listening), "anvil-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new Anvil(process, listening.get(START.toSeconds(), TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("anvil did not start within " + START, e);
    }
  }

  /** Reads anvil's output to the end (so it never blocks on a full pipe), noting its address. */
  private static void read(Process process, CompletableFuture<URI> listening) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          listening.complete(URI.create("http://" + m.group(1) + ":" + m.group(2) + "/"));
        }
      }
      listening.completeExceptionally(new IllegalStateException("anvil exited: " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      listening.completeExceptionally(e);
    }
  }

  URI http() {
    return http;
  }

  URI ws() {
    return URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/");
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
