package dev.scopegate.privacy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a privacy index is tied to: the chain (genesis hash, chain id as the node reports it) and
 * this node's Tessera public keys. Facts learnt under one identity are wrong under another, so a
 * store never silently serves a different one.
 */
public record StoreIdentity(String genesisHash, String chainId, Set<String> tesseraKeys) {

  public StoreIdentity {
    genesisHash = genesisHash.toLowerCase(Locale.ROOT);
    tesseraKeys = Set.copyOf(tesseraKeys);
  }

  /** How the stored identity (this) differs from the node's, phrased for an operator. */
  Optional<String> differenceFrom(StoreIdentity node) {
    if (!genesisHash.equals(node.genesisHash)) {
      return Optional.of(
          "belongs to another chain (genesis "
              + genesisHash
              + ", node has "
              + node.genesisHash
              + ")");
    }
    if (!chainId.equals(node.chainId)) {
      return Optional.of(
          "belongs to another chain (chain id " + chainId + ", node has " + node.chainId + ")");
    }
    if (!tesseraKeys.equals(node.tesseraKeys)) {
      return Optional.of(
          "was built for other Tessera keys (index has "
              + sorted(tesseraKeys)
              + ", node has "
              + sorted(node.tesseraKeys)
              + ")");
    }
    return Optional.empty();
  }

  /** Sorted, so messages and the stored record read the same every time. */
  static Set<String> sorted(Set<String> keys) {
    return new TreeSet<>(keys);
  }
}
