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

  PrivateExecutor(TesseraStore tessera) {
    this.tessera = tessera;
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
    ContractPrivacy privacy =
        new ContractPrivacy(record.get().privacyFlag(), hash, record.get().parties());
    effect.created().forEach(address -> state.setPrivacy(address, privacy));
    effect.logs().stream()
        .filter(log -> log.topics().get(0).equals(StateShared.TOPIC))
        .forEach(log -> applyExtension(StateShared.decode(log.data()), state));
    Receipt receipt =
        new Receipt(receiptHash, true, gasUsed, cumulativeGasUsed, creation, effect.logs());
    return new Result(receipt, effect.frame(), recording.snapshot(effect));
  }

  /**
   * A shared state whose payload this Tessera holds widens the contract's parties by the payload's;
   * a contract this node did not have yet appears, with the payload as its code.
   */
  private void applyExtension(StateShared shared, PrivateState.Pending state) {
    PayloadHash stateHash = PayloadHash.ofBase64(shared.tesseraHash());
    tessera
        .find(stateHash)
        .ifPresent(
            record -> {
              Address contract = shared.toExtend();
              Optional<ContractPrivacy> known = state.privacy(contract);
              if (known.isPresent()) {
                state.setPrivacy(contract, known.get().widen(record.parties()));
                return;
              }
              if (state.accounts().get(contract).isEmpty()) {
                state
                    .accounts()
                    .put(
                        contract, new AccountState(BigInteger.ZERO, 1, Hex.data(record.payload())));
              }
              state.setPrivacy(contract, new ContractPrivacy(0, stateHash, record.parties()));
            });
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
