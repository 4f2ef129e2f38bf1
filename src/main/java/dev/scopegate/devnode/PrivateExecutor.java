package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Runs a private transaction against the node's private state, as GoQuorum does after fetching the
 * payload from Tessera. When no managed key is party, the node has no payload: nothing runs, and
 * the private receipt is an empty success (its {@code contractAddress} still set for a creation, as
 * GoQuorum's state processor sets it from sender and nonce).
 */
final class PrivateExecutor {
  private final TesseraStore tessera;
  private final SharedStates extensions;

  PrivateExecutor(TesseraStore tessera) {
    this.tessera = tessera;
    this.extensions = new SharedStates(tessera);
  }

  record Result(Receipt receipt, CallFrame trace, Prestate.Snapshot prestate) {}

  /**
   * @param tx the private transaction (input: the payload hash)
   * @param receiptHash the hash the receipt answers for (the marker's, behind a marker)
   */
  Result execute(
      Transaction tx,
      PayloadHash hash,
      PrivateState.Pending state,
      java.util.function.Predicate<PayloadRecord> party,
      Hash receiptHash,
      long gasUsed,
      long cumulativeGasUsed) {
    Optional<Address> creation =
        tx.isCreation() ? Optional.of(ContractAddress.of(tx.from(), tx.nonce())) : Optional.empty();
    Optional<PayloadRecord> record = tessera.find(hash).filter(party);
    if (record.isEmpty()) {
      Receipt empty =
          new Receipt(receiptHash, true, gasUsed, cumulativeGasUsed, creation, List.of());
      return new Result(empty, plainFrame(tx, creation, gasUsed), RecordingStore.none());
    }
    String payload = Hex.data(record.get().payload());
    Optional<Result> extender =
        extender(tx, creation, payload, hash, record.get(), state, receiptHash, gasUsed, cumulativeGasUsed);
    if (extender.isPresent()) {
      return extender.get();
    }
    RecordingStore recording = new RecordingStore(state.accounts());
    Behaviours.Effect effect =
        creation.isPresent()
            ? Behaviours.create(
                recording,
                tx.from(),
                creation.get(),
                payload,
                BigInteger.ZERO,
                tx.gas(),
                gasUsed)
            : Behaviours.call(
                recording,
                tx.from(),
                tx.to().get(),
                payload,
                BigInteger.ZERO,
                tx.gas(),
                gasUsed);
    NodeContractPrivacy privacy =
        new NodeContractPrivacy(record.get().privacyFlag(), hash, record.get().parties());
    effect.created().forEach(address -> state.setPrivacy(address, privacy));
    extensions.apply(effect.logs(), state);
    Receipt receipt =
        new Receipt(receiptHash, true, gasUsed, cumulativeGasUsed, creation, effect.logs());
    return new Result(receipt, effect.frame(), recording.snapshot(effect));
  }

  /**
   * The extension management contract ({@link ExtenderContract}) when the transaction creates or
   * calls one: its logs, or a failed receipt without logs when it reverts (as a private
   * transaction that reverts is still mined).
   */
  private Optional<Result> extender(
      Transaction tx,
      Optional<Address> creation,
      String payload,
      PayloadHash hash,
      PayloadRecord record,
      PrivateState.Pending state,
      Hash receiptHash,
      long gasUsed,
      long cumulativeGasUsed) {
    boolean creates = creation.isPresent() && ExtenderContract.isCreation(payload);
    boolean calls =
        creation.isEmpty() && state.accounts().get(tx.to().get()).code().equals(ExtenderContract.RUNTIME);
    if (!creates && !calls) {
      return Optional.empty();
    }
    Address contract = creation.orElseGet(() -> tx.to().get());
    List<Log> logs;
    boolean success = true;
    try {
      logs = creates
          ? ExtenderContract.create(state, tx.from(), contract, payload)
          : ExtenderContract.call(state, tx.from(), contract, payload);
    } catch (ExtenderContract.Revert reverted) {
      logs = List.of();
      success = false;
    }
    if (success && creates) {
      state.setPrivacy(contract, new NodeContractPrivacy(record.privacyFlag(), hash, record.parties()));
    }
    extensions.apply(logs, state);
    Receipt receipt = new Receipt(receiptHash, success, gasUsed, cumulativeGasUsed, creation, logs);
    CallFrame frame = new CallFrame(creates ? "CREATE" : "CALL", tx.from(), contract, BigInteger.ZERO,
        tx.gas(), gasUsed, payload, creates ? ExtenderContract.RUNTIME : "0x", List.of());
    return Optional.of(new Result(receipt, frame, RecordingStore.none()));
  }

  /** A non-party node's view: the transaction as it stands on chain, with no effects. */
  static CallFrame plainFrame(Transaction tx, Optional<Address> creation, long gasUsed) {
    return new CallFrame(
        tx.isCreation() ? "CREATE" : "CALL",
        tx.from(),
        creation.orElseGet(() -> tx.to().get()),
        tx.value(),
        tx.gas(),
        gasUsed,
        tx.input(),
        "0x",
        List.of());
  }
}
