package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * GoQuorum's {@code CheckExtensionAndSetPrivateState} (extension/privacyExtension/state_setter.go),
 * run on the logs of every private transaction the node executes. A log with exactly one topic,
 * StateShared's, that decodes:
 *
 * <ul>
 *   <li>names a contract the private state has code for: GoQuorum only rewrites the privacy
 *       metadata of a party-protection or state-validation contract to the shared payload — from
 *       whatever contract emitted the log ("TODO: validate the old and new parties"). Beside that,
 *       the dev node records the extension's recipient as a party (its own bookkeeping, not
 *       GoQuorum state) when the emitter is a genuine {@link ExtenderContract} for that contract;
 *   <li>names a contract the node lacks: the state is imported from the shared payload only when
 *       the log's uuid is a payload this node sent naming the emitting contract ({@code
 *       UuidIsOwn}), that is, only at the end of a genuine extension this node approved.
 * </ul>
 *
 * A log that does not decode is skipped ({@code UnpackStateSharedLog} error: {@code continue}).
 */
final class SharedStates {
  private final TesseraStore tessera;

  SharedStates(TesseraStore tessera) {
    this.tessera = tessera;
  }

  void apply(List<Log> logs, PrivateState.Pending state) {
    boolean metadataUpdated = false;
    for (Log log : logs) {
      if (log.topics().size() != 1 || !log.topics().get(0).equals(StateSharedEvent.TOPIC)) {
        continue;
      }
      Optional<StateSharedEvent> decoded = decode(log);
      if (decoded.isEmpty()) {
        continue;
      }
      StateSharedEvent shared = decoded.get();
      Address contract = shared.toExtend();
      if (state.accounts().isContract(contract)) {
        if (metadataUpdated) {
          continue;
        }
        setPrivacyMetadata(state, contract, shared.tesseraHash());
        recordRecipient(state, log.address(), contract);
        metadataUpdated = true;
      } else if (uuidIsOwn(log.address(), shared.uuid())) {
        importState(state, log.address(), contract, shared.tesseraHash());
      }
    }
  }

  private static Optional<StateSharedEvent> decode(Log log) {
    try {
      return Optional.of(StateSharedEvent.decode(log.data()));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  /** state_set_utilities.go, setPrivacyMetadata: standard private contracts keep none. */
  private static void setPrivacyMetadata(PrivateState.Pending state, Address contract, String hash) {
    Optional<NodeContractPrivacy> privacy = state.privacy(contract);
    Optional<PayloadHash> payload = payloadHash(hash);
    if (privacy.isEmpty() || !privacy.get().hasExtraData() || payload.isEmpty()) {
      return;
    }
    NodeContractPrivacy p = privacy.get();
    state.setPrivacy(contract, new NodeContractPrivacy(p.privacyFlag(), payload.get(), p.parties()));
  }

  private static void recordRecipient(PrivateState.Pending state, Address emitter, Address contract) {
    Optional<ExtenderContract.State> extender = state.extender(emitter);
    Optional<NodeContractPrivacy> privacy = state.privacy(contract);
    if (extender.isPresent() && extender.get().contractToExtend().equals(contract) && privacy.isPresent()) {
      state.setPrivacy(contract, privacy.get().widen(java.util.Set.of(extender.get().targetRecipientPTMKey())));
    }
  }

  /** state_setter.go, UuidIsOwn: a payload this node's Tessera sent, holding the emitter's address. */
  private boolean uuidIsOwn(Address emitter, String uuid) {
    Optional<PayloadHash> hash;
    try {
      hash = Optional.of(PayloadHash.ofHex(uuid));
    } catch (RuntimeException notAHash) {
      return false;
    }
    return hash.flatMap(tessera::find)
        .filter(record -> tessera.manages(record.senderKey()))
        .filter(record -> Arrays.equals(record.payload(), emitter.bytes()))
        .isPresent();
  }

  /** state_setter.go, FetchStateData and setState: the shared payload is the contract's code. */
  private void importState(PrivateState.Pending state, Address emitter, Address contract, String hash) {
    Optional<PayloadRecord> record = payloadHash(hash).flatMap(tessera::find);
    if (record.isEmpty()) {
      return;
    }
    state.accounts().put(contract, new AccountState(BigInteger.ZERO, 1, Hex.data(record.get().payload())));
    java.util.Set<String> parties = new java.util.LinkedHashSet<>(record.get().parties());
    state.extender(emitter).ifPresent(e -> parties.add(e.targetRecipientPTMKey()));
    state.setPrivacy(contract, new NodeContractPrivacy(0, payloadHash(hash).get(), parties));
  }

  private static Optional<PayloadHash> payloadHash(String base64) {
    try {
      return Optional.of(PayloadHash.ofBase64(base64));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }
}
