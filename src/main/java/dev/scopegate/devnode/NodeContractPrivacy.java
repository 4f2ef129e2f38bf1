package dev.scopegate.devnode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the node keeps about a private contract beside its account: the privacy flag and the payload
 * hash of the transaction that created it (GoQuorum's account extra data, kept for party protection
 * and private state validation only), and every key party to it — the creating transaction's sender
 * and recipients, widened by extensions. No RPC exposes the parties.
 */
public record NodeContractPrivacy(int privacyFlag, PayloadHash creationHash, Set<String> parties) {
  public NodeContractPrivacy {
    parties = Set.copyOf(new LinkedHashSet<>(parties));
  }

  /** Standard private contracts (flag 0) carry no extra data in GoQuorum's state. */
  public boolean hasExtraData() {
    return privacyFlag != 0;
  }

  NodeContractPrivacy widen(Set<String> more) {
    Set<String> all = new LinkedHashSet<>(parties);
    all.addAll(more);
    return new NodeContractPrivacy(privacyFlag, creationHash, all);
  }
}
