package dev.scopegate.devnode;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Where the dev node listens, what chain it runs, and which GoQuorum it plays. Port 0 picks a free
 * port; the clock stamps blocks (a fixed clock makes block hashes repeatable).
 *
 * @param tesseraKeys the keys its Tessera manages, the first being the default privateFrom
 * @param tesseraSocket where Tessera also listens on a Unix domain socket, if anywhere
 * @param debugApi whether the {@code debug} namespace is served (traces)
 * @param privacyMarkers GoQuorum 21.7.1+ with {@code --privacymarker.enable}: private transactions
 *     travel inside privacy-marker transactions
 * @param multiplePrivateStates a GoQuorum 21.4.2+ MPS node: one private state per resident group
 *     ({@link #residentGroups})
 * @param metadataHashAsBytes GoQuorum 21.1's {@code eth_getContractPrivacyMetadata}: the creation
 *     hash as an array of 64 numbers rather than base64
 */
public record DevNodeOptions(
    String host,
    int port,
    long chainId,
    Clock clock,
    List<String> tesseraKeys,
    Optional<Path> tesseraSocket,
    boolean debugApi,
    boolean privacyMarkers,
    boolean multiplePrivateStates,
    boolean metadataHashAsBytes) {
  public static final long DEFAULT_CHAIN_ID = 1337;

  public DevNodeOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is required");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (chainId <= 0) {
      throw new IllegalArgumentException("chainId must be positive, was " + chainId);
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock is required");
    }
    tesseraKeys = List.copyOf(tesseraKeys);
    if (tesseraKeys.isEmpty()) {
      throw new IllegalArgumentException("Tessera needs at least one key");
    }
  }

  /**
   * Tessera's {@code residentGroups} when {@link #multiplePrivateStates}: the first key is the
   * group {@code private} (the node's default state, which GoQuorum serves a request naming no
   * PSI from), each further key its own PSI {@code PS1}, {@code PS2}, …; empty otherwise.
   */
  public java.util.Map<String, List<String>> residentGroups() {
    if (!multiplePrivateStates) {
      return java.util.Map.of();
    }
    java.util.Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
    groups.put("private", List.of(tesseraKeys.get(0)));
    for (int i = 1; i < tesseraKeys.size(); i++) {
      groups.put("PS" + i, List.of(tesseraKeys.get(i)));
    }
    return groups;
  }

  /** 127.0.0.1, a free port, chain id 1337, the system clock, keys KA, KB, KC, debug on. */
  public static DevNodeOptions defaults() {
    return new DevNodeOptions(
        "127.0.0.1",
        0,
        DEFAULT_CHAIN_ID,
        Clock.systemUTC(),
        DevTessera.DEFAULT_KEYS,
        Optional.empty(),
        true,
        false,
        false,
        false);
  }

  public DevNodeOptions withPort(int newPort) {
    return new DevNodeOptions(
        host,
        newPort,
        chainId,
        clock,
        tesseraKeys,
        tesseraSocket,
        debugApi,
        privacyMarkers,
        multiplePrivateStates,
        metadataHashAsBytes);
  }

  public DevNodeOptions withChainId(long newChainId) {
    return new DevNodeOptions(
        host,
        port,
        newChainId,
        clock,
        tesseraKeys,
        tesseraSocket,
        debugApi,
        privacyMarkers,
        multiplePrivateStates,
        metadataHashAsBytes);
  }

  public DevNodeOptions withClock(Clock newClock) {
    return new DevNodeOptions(
        host,
        port,
        chainId,
        newClock,
        tesseraKeys,
        tesseraSocket,
        debugApi,
        privacyMarkers,
        multiplePrivateStates,
        metadataHashAsBytes);
  }

  public DevNodeOptions withTesseraKeys(List<String> keys) {
    return new DevNodeOptions(
        host,
        port,
        chainId,
        clock,
        keys,
        tesseraSocket,
        debugApi,
        privacyMarkers,
        multiplePrivateStates,
        metadataHashAsBytes);
  }

  public DevNodeOptions withTesseraSocket(Path socket) {
    return new DevNodeOptions(
        host,
        port,
        chainId,
        clock,
        tesseraKeys,
        Optional.of(socket),
        debugApi,
        privacyMarkers,
        multiplePrivateStates,
        metadataHashAsBytes);
  }

  public DevNodeOptions withDebugApi(boolean on) {
    return new DevNodeOptions(
        host,
        port,
        chainId,
        clock,
        tesseraKeys,
        tesseraSocket,
        on,
        privacyMarkers,
        multiplePrivateStates,
        metadataHashAsBytes);
  }

  public DevNodeOptions withPrivacyMarkers(boolean on) {
    return new DevNodeOptions(
        host,
        port,
        chainId,
        clock,
        tesseraKeys,
        tesseraSocket,
        debugApi,
        on,
        multiplePrivateStates,
        metadataHashAsBytes);
  }

  public DevNodeOptions withMultiplePrivateStates(boolean on) {
    return new DevNodeOptions(
        host,
        port,
        chainId,
        clock,
        tesseraKeys,
        tesseraSocket,
        debugApi,
        privacyMarkers,
        on,
        metadataHashAsBytes);
  }

  public DevNodeOptions withMetadataHashAsBytes(boolean on) {
    return new DevNodeOptions(
        host,
        port,
        chainId,
        clock,
        tesseraKeys,
        tesseraSocket,
        debugApi,
        privacyMarkers,
        multiplePrivateStates,
        on);
  }
}
