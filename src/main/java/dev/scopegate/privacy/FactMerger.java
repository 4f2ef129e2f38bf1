package dev.scopegate.privacy;

import dev.scopegate.privacy.ContractFact.Origin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what a block says into what the index keeps: a contract created (or re-created) takes
 * the parties of its transaction; an extension adds its parties to those the contract already
 * has, or introduces a contract no creation on this chain accounts for.
 */
final class FactMerger {
  private FactMerger() {}

  static BlockFacts merge(RawBlock raw, IndexStore store) {
    Map<String, ContractFact> contracts = new LinkedHashMap<>();
    for (ContractFact created : raw.created()) {
      contracts.merge(created.address(), created, FactMerger::preferReceipt);
    }
    for (ContractFact extension : raw.extensions()) {
      ContractFact before = contracts.get(extension.address());
      if (before == null) {
        before = store.contract(extension.address()).orElse(null);
      }
      Parties parties = before == null ? extension.parties() : before.parties().union(extension.parties());
      contracts.put(
          extension.address(),
          new ContractFact(extension.address(), parties, raw.number(), extension.txHash(), Origin.EXTENDED));
    }
    return new BlockFacts(
        raw.number(), raw.hash(), raw.parentHash(), raw.transactions(), contracts.values().stream().toList());
  }

  /** The receipt's contractAddress and the trace's top frame name the same creation. */
  private static ContractFact preferReceipt(ContractFact a, ContractFact b) {
    return a.origin() == Origin.CREATED ? a : b;
  }
}
