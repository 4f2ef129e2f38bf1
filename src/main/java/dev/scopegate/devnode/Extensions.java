package dev.scopegate.devnode;

import java.util.List;
import java.util.UUID;

/**
 * GoQuorum's contract extension, reduced to what a node shows once it completes: a private
 * management contract is created, then a private call to it logs {@code StateShared(toExtend,
 * tesseraHash, uuid)}, where {@code tesseraHash} names a Tessera payload (the shared state: the
 * contract's code) whose sender and recipients become parties of the contract. The votes in between
 * are left out.
 */
final class Extensions {
  private Extensions() {}

  /**
   * This node extends its private {@code contract} to {@code newKeys}, sending from a managed key
   * already party to it.
   */
  static MinedTransaction extend(Chain chain, Address contract, List<String> newKeys) {
    long head = chain.head().number();
    ContractPrivacy privacy =
        chain
            .privacy(contract, head)
            .orElseThrow(
                () -> new IllegalArgumentException(contract + " is not a private contract here"));
    String sender =
        privacy.parties().stream()
            .filter(chain.tessera()::manages)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no managed key is party to " + contract));
    PrivacyRequest privately = PrivacyRequest.local(sender, newKeys, 0);
    Address from = chain.coinbase();
    String code = chain.visibleAccount(contract, head).code();
    return share(chain, from, contract, code, sender, newKeys, privately);
  }

  /**
   * Another node extends to this node's {@code recipients} a contract this node has never had: it
   * appears in the private state with {@code code}, without a creation on this chain.
   */
  static MinedTransaction importContract(
      Chain chain, Address contract, String code, String senderKey, List<String> recipients) {
    Address from = Genesis.OTHER_ACCOUNTS.get(0);
    return share(
        chain,
        from,
        contract,
        code,
        senderKey,
        recipients,
        PrivacyRequest.foreign(senderKey, recipients));
  }

  private static MinedTransaction share(
      Chain chain,
      Address from,
      Address contract,
      String code,
      String senderKey,
      List<String> recipients,
      PrivacyRequest privately) {
    String managementCode = Behaviours.MANAGEMENT + contract.hex().substring(2);
    MinedTransaction management =
        chain.mineTransaction(
            TransactionRequest.create(from, managementCode).withPrivacy(privately));
    Address managementAddress = ContractAddress.of(from, management.transaction().nonce());
    PayloadHash stateHash =
        chain
            .tessera()
            .store(new PayloadRecord(Hex.decodeData(code, null), senderKey, recipients, 0));
    String uuid = UUID.nameUUIDFromBytes(stateHash.bytes()).toString();
    String data = new StateShared(contract, stateHash.base64(), uuid).encode();
    return chain.mineTransaction(
        TransactionRequest.call(from, managementAddress, data).withPrivacy(privately));
  }
}
