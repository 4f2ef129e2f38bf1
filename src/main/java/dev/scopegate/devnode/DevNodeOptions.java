package dev.scopegate.devnode;

import java.time.Clock;

/**
 * Where the dev node listens and what chain it runs. Port 0 picks a free port; the clock
 * stamps blocks (a fixed clock makes block hashes repeatable).
 */
public record DevNodeOptions(String host, int port, long chainId, Clock clock) {
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
  }

  /** 127.0.0.1, a free port, chain id 1337, the system clock. */
  public static DevNodeOptions defaults() {
    return new DevNodeOptions("127.0.0.1", 0, DEFAULT_CHAIN_ID, Clock.systemUTC());
  }

  public DevNodeOptions withHost(String newHost) {
    return new DevNodeOptions(newHost, port, chainId, clock);
  }

  public DevNodeOptions withPort(int newPort) {
    return new DevNodeOptions(host, newPort, chainId, clock);
  }

  public DevNodeOptions withChainId(long newChainId) {
    return new DevNodeOptions(host, port, newChainId, clock);
  }

  public DevNodeOptions withClock(Clock newClock) {
    return new DevNodeOptions(host, port, chainId, newClock);
  }
}
