package dev.scopegate.privacy;

/**
 * Where the index stands, for logs, health and metrics: the last indexed block (-1 before the
 * first), the node's head as last seen, and whether the index is following at all.
 */
public record IndexStatus(long indexedBlock, long nodeHead, boolean running) {
  public long lag() {
    return Math.max(0, nodeHead - indexedBlock);
  }
}
