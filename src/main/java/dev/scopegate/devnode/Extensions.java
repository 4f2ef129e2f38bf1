package dev.scopegate.devnode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * GoQuorum's contract extension flow (extension/api.go, extension/backend.go), with this node
 * playing every part that falls to a node holding the keys:
 *
 * <ol>
 *   <li>{@code quorumExtension_extendContract}: checks, then deploys an {@link ExtenderContract}
 *       privately to the recipient's key; the deploying node votes for it at once ({@code
 *       watchForNewContracts}).
 *   <li>{@code quorumExtension_approveExtension}: the recipient's account votes, with a uuid — a
 *       payload this node sends holding the management contract's address.
 *   <li>When every voter agreed ({@code CanPerformStateShare}) the creator's node sends the
 *       contract's state to the parties of the management contract and stores its hash with
 *       {@code setSharedStateHash}, which logs {@code StateShared} once per uuid ({@code
 *       watchForCompletionEvents}). The dev node's state dump is the contract's code.
 * </ol>
 *
 * Permissioning (org admin accounts) and multi-tenancy checks are left out.
 */
final class Extensions {
  private Extensions() {}

  /** {@code PrivateExtensionAPI.ExtendContract}; returns the management contract's creation. */
  static MinedTransaction extendContract(
      Chain chain, Address toExtend, String recipientKey, Address recipient, Address from,
      String privateFrom, List<String> privateFor) {
    long head = chain.head().number();
    if (chain.extensionInProgress(toExtend, head)) {
      throw NodeError.EXTENSION_IN_PROGRESS.exception();
    }
    if (!chain.account(toExtend, head).isEmpty()) {
      throw NodeError.EXTENDING_PUBLIC.exception();
    }
    if (recipient.equals(Address.ZERO)) {
      throw NodeError.INVALID_RECIPIENT.exception();
    }
    Optional<NodeContractPrivacy> privacy = chain.privacy(toExtend, head);
    if (!chain.isPrivate(toExtend, head) || chain.visibleAccount(toExtend, head).code().equals("0x")) {
      throw NodeError.EXTENDING_NON_EXISTENT.exception();
    }
    if (privacy.filter(NodeContractPrivacy::hasExtraData).isPresent() && !isCreator(chain, privacy.get())) {
      throw NodeError.OPERATION_NOT_ALLOWED.exception();
    }
    if (from.equals(recipient)) {
      throw NodeError.ACCEPTOR_IS_INITIATOR.exception();
    }
    try {
      Base64.getDecoder().decode(recipientKey);
    } catch (IllegalArgumentException notBase64) {
      throw NodeError.INVALID_RECIPIENT_KEY.exception();
    }
    List<String> recipients = new ArrayList<>();
    switch (privateFor.size()) {
      case 0 -> recipients.add(recipientKey);
      case 1 -> {
        if (!privateFor.get(0).equals(recipientKey)) {
          throw NodeError.RECIPIENT_KEY_MISMATCH.exception();
        }
        recipients.add(recipientKey);
      }
      default -> throw NodeError.RECIPIENT_KEYS_INVALID.exception();
    }
    privacy.filter(NodeContractPrivacy::hasExtraData).ifPresent(p -> recipients.addAll(participants(chain, p)));
    requireWallet(chain, from);
    String init = ExtenderContract.INIT + AbiCodec.encode(toExtend, recipient, recipientKey).substring(2);
    MinedTransaction created = chain.mineTransaction(
        TransactionRequest.create(from, init).withPrivacy(PrivacyRequest.local(privateFrom, recipients, 0)));
    Address management = ContractAddress.of(from, created.transaction().nonce());
    if (succeeded(created) && chain.extender(management, created.block().number()).isPresent()) {
      // backend.go watchForNewContracts: the sending node votes for its own extension at once
      approve(chain, management, true, from, privateFrom, recipients);
    }
    return created;
  }

  /** {@code PrivateExtensionAPI.ApproveExtension}; returns the vote, and shares when all agreed. */
  static MinedTransaction approve(
      Chain chain, Address management, boolean vote, Address from, String privateFrom, List<String> privateFor) {
    long head = chain.head().number();
    ExtenderContract.State state =
        chain.extender(management, head).orElseThrow(NodeError.NO_CODE::exception);
    if (state.isFinished()) {
      throw NodeError.EXTENSION_COMPLETE.exception();
    }
    if (privateFor.isEmpty()) {
      throw NodeError.NOT_PRIVATE_ARGS.exception();
    }
    requireWallet(chain, from);
    if (!state.walletAddressesToVote().contains(from)) {
      throw NodeError.NOT_ACCEPTOR.exception();
    }
    if (state.votes().containsKey(from)) {
      throw NodeError.ALREADY_VOTED.exception();
    }
    // extension_utilities.go generateUuid: a payload holding the management contract's address
    String uuid = chain.tessera().store(new PayloadRecord(management.bytes(), privateFrom, privateFor, 0)).hex();
    String data = ExtenderContract.DO_VOTE + AbiCodec.encode(vote, uuid).substring(2);
    MinedTransaction voted = chain.mineTransaction(
        TransactionRequest.call(from, management, data).withPrivacy(PrivacyRequest.local(privateFrom, privateFor, 0)));
    if (logged(voted, ExtenderContract.CAN_SHARE)) {
      share(chain, management);
    }
    return voted;
  }

  /**
   * backend.go watchForCompletionEvents: the creator's node sends the state to the parties of the
   * management contract's creation, from its sender, and records the payload's hash.
   */
  private static void share(Chain chain, Address management) {
    long head = chain.head().number();
    ExtenderContract.State state = chain.extender(management, head).orElseThrow();
    if (!chain.accounts().contains(state.creator())) {
      return; // "Account used to sign extension contract no longer available"
    }
    PayloadRecord creation = chain.privacy(management, head)
        .flatMap(p -> chain.tessera().find(p.creationHash()))
        .orElseThrow();
    if (!chain.tessera().manages(creation.senderKey())) {
      return; // another tenant's node shares its own extensions
    }
    Address contract = state.contractToExtend();
    int flag = chain.privacy(contract, head).map(NodeContractPrivacy::privacyFlag).orElse(0);
    byte[] dump = Hex.decodeData(chain.visibleAccount(contract, head).code(), null);
    PayloadHash stateHash = chain.tessera().store(
        new PayloadRecord(dump, creation.senderKey(), creation.recipients(), flag));
    String data = ExtenderContract.SET_SHARED_STATE_HASH + AbiCodec.encode(stateHash.base64()).substring(2);
    chain.mineTransaction(TransactionRequest.call(state.creator(), management, data)
        .withPrivacy(PrivacyRequest.local(creation.senderKey(), creation.recipients(), 0)));
  }

  /**
   * The whole flow for {@code contract}, from the account and key that created it to {@code
   * recipientKey} (voted by another node account). Returns the transaction that logs StateShared.
   */
  static MinedTransaction extend(Chain chain, Address contract, String recipientKey) {
    long head = chain.head().number();
    NodeContractPrivacy privacy = chain.privacy(contract, head)
        .orElseThrow(() -> new IllegalArgumentException(contract + " is not a private contract here"));
    String sender = privacy.parties().stream().filter(chain.tessera()::manages).findFirst()
        .orElseThrow(() -> new IllegalStateException("no managed key is party to " + contract));
    Address creator = chain.coinbase();
    Address recipient = chain.accounts().get(1);
    MinedTransaction created =
        extendContract(chain, contract, recipientKey, recipient, creator, sender, List.of(recipientKey));
    Address management = ContractAddress.of(creator, created.transaction().nonce());
    approve(chain, management, true, recipient, recipientKey, List.of(sender));
    MinedTransaction shared = new MinedTransaction(chain.head(), 0);
    if (!logged(shared, StateSharedEvent.TOPIC)) {
      throw new IllegalStateException("the extension of " + contract + " did not share its state");
    }
    return shared;
  }

  /**
   * Another node ({@code senderKey}, signing as an outside account) extends to this node's {@code
   * recipientKey} a contract this node has never had: it appears in the private state with {@code
   * code}, without a creation on this chain. Returns the transaction that logs StateShared.
   */
  static MinedTransaction importContract(
      Chain chain, Address contract, String code, String senderKey, String recipientKey) {
    Address creator = Genesis.OTHER_ACCOUNTS.get(0);
    Address recipient = chain.accounts().get(1);
    List<String> recipients = List.of(recipientKey);
    String init = ExtenderContract.INIT + AbiCodec.encode(contract, recipient, recipientKey).substring(2);
    MinedTransaction created = chain.mineTransaction(
        TransactionRequest.create(creator, init).withPrivacy(PrivacyRequest.foreign(senderKey, recipients)));
    Address management = ContractAddress.of(creator, created.transaction().nonce());
    String theirUuid = chain.tessera().store(new PayloadRecord(management.bytes(), senderKey, recipients, 0)).hex();
    chain.mineTransaction(TransactionRequest.call(creator, management,
            ExtenderContract.DO_VOTE + AbiCodec.encode(true, theirUuid).substring(2))
        .withPrivacy(PrivacyRequest.foreign(senderKey, recipients)));
    approve(chain, management, true, recipient, recipientKey, List.of(senderKey));
    PayloadHash stateHash = chain.tessera().store(
        new PayloadRecord(Hex.decodeData(code, null), senderKey, recipients, 0));
    return chain.mineTransaction(TransactionRequest.call(creator, management,
            ExtenderContract.SET_SHARED_STATE_HASH + AbiCodec.encode(stateHash.base64()).substring(2))
        .withPrivacy(PrivacyRequest.foreign(senderKey, recipients)));
  }

  /** backend.go CheckIfContractCreator, for a contract with privacy metadata. */
  private static boolean isCreator(Chain chain, NodeContractPrivacy privacy) {
    return chain.tessera().find(privacy.creationHash()).filter(r -> chain.tessera().manages(r.senderKey())).isPresent();
  }

  /** backend.go GetAllParticipants: the parties of the contract's creating payload. */
  private static List<String> participants(Chain chain, NodeContractPrivacy privacy) {
    return chain.tessera().find(privacy.creationHash()).map(r -> List.copyOf(r.parties())).orElse(List.of());
  }

  private static void requireWallet(Chain chain, Address from) {
    if (!chain.accounts().contains(from)) {
      throw NodeError.NO_WALLET.exception(from.hex());
    }
  }

  private static boolean succeeded(MinedTransaction mined) {
    return mined.local().privateReceipt().map(Receipt::success).orElse(false);
  }

  private static boolean logged(MinedTransaction mined, Hash topic) {
    return mined.local().privateReceipt().stream()
        .flatMap(r -> r.logs().stream())
        .anyMatch(log -> log.topics().get(0).equals(topic));
  }
}
