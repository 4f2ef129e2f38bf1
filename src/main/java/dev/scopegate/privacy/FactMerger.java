package dev.scopegate.privacy;

import dev.scopegate.privacy.ContractFact.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a block says into what the index keeps (a contract the index does not know, named by
 * a StateShared it did not honour, is remembered: GoQuorum rewrote its privacy metadata from that
 * log, so the metadata no longer says who created it): a contract created (or re-created) takes
 * the parties of its transaction; a {@code StateShared} log widens a contract's parties only when
 * it is a genuine extension (see {@link #refusal}), and then only by the recipient that extension
 * names.
 */
final class FactMerger {
  private final IgnoredExtensions ignored;

  FactMerger(IgnoredExtensions ignored) {
    this.ignored = ignored;
  }

  BlockFacts merge(RawBlock raw, IndexStore store) {
    Map<String, ContractFact> contracts = new LinkedHashMap<>();
    for (ContractFact created : raw.created()) {
      contracts.merge(created.address(), created, FactMerger::preferReceipt);
    }
    List<String> rewritten = new ArrayList<>();
    Map<String, ExtenderFact> extenders = new LinkedHashMap<>();
    raw.extenders().forEach(e -> extenders.put(e.address(), e));
    for (StateShared shared : raw.shares()) {
      Optional<ExtenderFact> extender =
          Optional.ofNullable(extenders.get(shared.emitter())).or(() -> store.extender(shared.emitter()));
      Optional<ContractFact> before =
          Optional.ofNullable(contracts.get(shared.contract())).or(() -> store.contract(shared.contract()));
      Optional<String> refusal = refusal(shared, extender, before);
      if (refusal.isPresent()) {
        ignored.ignored(shared, refusal.get());
        if (before.isEmpty()) {
          rewritten.add(shared.contract());
        }
        continue;
      }
      Parties parties = before.get().parties().union(Parties.of(extender.get().recipientKey()));
      contracts.put(
          shared.contract(),
          new ContractFact(shared.contract(), parties, raw.number(), shared.txHash(), Origin.EXTENDED));
    }
    return new BlockFacts(raw.number(), raw.hash(), raw.parentHash(), raw.transactions(),
        contracts.values().stream().toList(), raw.extenders(), rewritten);
  }

  /**
   * Why a StateShared log is not honoured, if it is not. GoQuorum itself applies such a log to a
   * contract it already holds without asking who emitted it ("TODO: validate the old and new
   * parties", extension/privacyExtension/state_setter.go), so the index asks: was it emitted by a
   * management contract with ContractExtender's code, for this very contract, created by a key
   * already party to it? A contract the index does not know stays unknown (refused to tenants),
   * never introduced by a log.
   */
  private static Optional<String> refusal(
      StateShared shared, Optional<ExtenderFact> extender, Optional<ContractFact> contract) {
    if (extender.isEmpty()) {
      return Optional.of("the emitter is not a genuine extension management contract");
    }
    if (!extender.get().extended().equals(shared.contract())) {
      return Optional.of("the extension was made for " + extender.get().extended());
    }
    if (contract.isEmpty()) {
      return Optional.of("the index does not know that contract's parties");
    }
    if (!contract.get().parties().keys().contains(extender.get().creatorKey())) {
      return Optional.of("the extension's creator is not party to that contract");
    }
    return Optional.empty();
  }

  /** The receipt's contractAddress and the trace's top frame name the same creation. */
  private static ContractFact preferReceipt(ContractFact a, ContractFact b) {
    return a.origin() == Origin.CREATED ? a : b;
  }
}
