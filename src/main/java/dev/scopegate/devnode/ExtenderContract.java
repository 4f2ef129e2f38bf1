package dev.scopegate.devnode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GoQuorum's extension management contract, {@code ContractExtender}
 * (extension/extensionContracts/contract_extender.sol), run without an EVM: the constructor, the
 * votes, the state share and the events, each as the Solidity source writes them, with its
 * revert reasons. Its state lives beside the private state ({@link PrivateState}).
 *
 * <p>The dev node's runtime code is its own ({@link #RUNTIME}), not GoQuorum's compiled
 * bytecode: Scopegate is told to accept {@link #RUNTIME_HASH} in the tests and the demo, and
 * GoQuorum's hashes otherwise ({@code privacy.extenderCodeHashes}). A creation whose data starts
 * with {@link #INIT} and carries the constructor's ABI arguments deploys it.
 */
public final class ExtenderContract {
  /** Creation data: this, then ABI (address contractAddress, address recipientAddress, string recipientPTMKey). */
  public static final String INIT = "0x5c0e7e40";
  public static final String RUNTIME =
      "0x5c0e7e41" + Hex.data("scopegate dev node ContractExtender".getBytes(StandardCharsets.US_ASCII)).substring(2);
  public static final String RUNTIME_HASH = Hash.keccak(Hex.decodeData(RUNTIME, null)).hex();

  static final Hash CREATED = topic("NewContractExtensionContractCreated(address,string,address)");
  static final Hash ALL_ACCEPTED = topic("AllNodesHaveAccepted(bool)");
  static final Hash CAN_SHARE = topic("CanPerformStateShare()");
  static final Hash FINISHED = topic("ExtensionFinished()");
  static final Hash NEW_VOTE = topic("NewVote(bool,address)");
  static final Hash UPDATE_MEMBERS = topic("UpdateMembers(address,string)");

  static final String DO_VOTE = selector("doVote(bool,string)");
  static final String SET_SHARED_STATE_HASH = selector("setSharedStateHash(string)");
  static final String FINISH = selector("finish()");
  static final String SET_UUID = selector("setUuid(string)");
  static final String UPDATE_PARTY_MEMBERS = selector("updatePartyMembers()");

  /** The contract's storage, as its state variables name it. */
  record State(
      Address creator,
      String targetRecipientPTMKey,
      Address contractToExtend,
      List<Address> walletAddressesToVote,
      Map<Address, Boolean> votes,
      boolean voteOutcome,
      String sharedDataHash,
      List<String> uuids,
      boolean isFinished) {
    State {
      walletAddressesToVote = List.copyOf(walletAddressesToVote);
      votes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(votes));
      uuids = List.copyOf(uuids);
    }

    boolean haveAllNodesVoted() {
      return votes.size() == walletAddressesToVote.size();
    }
  }

  /** A {@code require} that failed: the transaction reverts with this reason. */
  static final class Revert extends RuntimeException {
    Revert(String reason) {
      super(reason, null, false, false);
    }
  }

  private final Address self;
  private final List<Log> logs = new ArrayList<>();
  private State state;

  private ExtenderContract(Address self, State state) {
    this.self = self;
    this.state = state;
  }

  static boolean isCreation(String payload) {
    return payload.startsWith(INIT);
  }

  /** The constructor. Returns its logs; the account and its state are set in {@code privateState}. */
  static List<Log> create(PrivateState.Pending privateState, Address sender, Address contract, String payload) {
    byte[] args;
    Address toExtend;
    Address recipient;
    String recipientKey;
    try {
      args = Hex.decodeData("0x" + payload.substring(INIT.length()), null);
      toExtend = AbiCodec.address(args, 0);
      recipient = AbiCodec.address(args, 1);
      recipientKey = AbiCodec.string(args, 2);
    } catch (IllegalArgumentException malformed) {
      throw new Revert("");
    }
    State initial = new State(sender, recipientKey, toExtend, List.of(sender, recipient), Map.of(), true, "", List.of(), false);
    AccountState existing = privateState.accounts().get(contract);
    privateState.accounts().put(contract, new AccountState(existing.balance(), 1, RUNTIME));
    privateState.setExtender(contract, initial);
    return List.of(new Log(contract, List.of(CREATED), AbiCodec.encode(toExtend, recipientKey, recipient)));
  }

  /** A call from {@code sender}; returns its logs, or throws {@link Revert} leaving no change. */
  static List<Log> call(PrivateState.Pending privateState, Address sender, Address contract, String payload) {
    ExtenderContract run = new ExtenderContract(contract, privateState.extender(contract).orElseThrow());
    byte[] data = Hex.decodeData(payload, null);
    String selector = payload.length() >= 10 ? payload.substring(0, 10) : payload;
    try {
      byte[] args = data.length >= 4 ? AbiCodec.arguments(data) : new byte[0];
      if (selector.equals(DO_VOTE)) {
        run.doVote(sender, AbiCodec.bool(args, 0), AbiCodec.string(args, 1));
      } else if (selector.equals(SET_SHARED_STATE_HASH)) {
        run.setSharedStateHash(sender, AbiCodec.string(args, 0));
      } else if (selector.equals(FINISH)) {
        run.finish(sender);
      } else if (selector.equals(SET_UUID)) {
        run.notFinished();
        run.setUuid(AbiCodec.string(args, 0));
      } else if (selector.equals(UPDATE_PARTY_MEMBERS)) {
        run.state.uuids().forEach(uuid -> run.emit(UPDATE_MEMBERS, run.state.contractToExtend(), uuid));
      }
    } catch (IllegalArgumentException malformed) {
      throw new Revert("");
    }
    privateState.setExtender(contract, run.state);
    return run.logs;
  }

  private void doVote(Address sender, boolean vote, String nextUuid) {
    notFinished();
    cast(sender, vote);
    if (vote) {
      setUuid(nextUuid);
    }
    checkVotes();
    emit(NEW_VOTE, vote, sender);
  }

  private void setSharedStateHash(Address sender, String hash) {
    onlyCreator(sender);
    notFinished();
    require(!hash.isEmpty(), "new hash cannot be empty");
    require(state.sharedDataHash().isEmpty(), "state hash already set");
    state = with(state.votes(), state.voteOutcome(), hash, state.uuids(), false);
    state.uuids().forEach(uuid -> emit(StateSharedEvent.TOPIC, state.contractToExtend(), hash, uuid));
    finish(sender);
  }

  private void finish(Address sender) {
    notFinished();
    onlyCreator(sender);
    setFinished();
  }

  private void setUuid(String uuid) {
    List<String> uuids = new ArrayList<>(state.uuids());
    uuids.add(uuid);
    state = with(state.votes(), state.voteOutcome(), state.sharedDataHash(), uuids, state.isFinished());
  }

  private void setFinished() {
    state = with(state.votes(), state.voteOutcome(), state.sharedDataHash(), state.uuids(), true);
    emit(FINISHED);
  }

  private void checkVotes() {
    if (!state.voteOutcome()) {
      emit(ALL_ACCEPTED, false);
      setFinished();
      return;
    }
    if (state.haveAllNodesVoted()) {
      emit(ALL_ACCEPTED, true);
      emit(CAN_SHARE);
    }
  }

  private void cast(Address sender, boolean vote) {
    require(!state.isFinished(), "extension process completed. cannot vote");
    require(state.walletAddressesToVote().contains(sender), "not allowed to vote");
    require(!state.votes().containsKey(sender), "already voted");
    require(state.voteOutcome(), "voting already declined");
    Map<Address, Boolean> votes = new LinkedHashMap<>(state.votes());
    votes.put(sender, vote);
    state = with(votes, state.voteOutcome() && vote, state.sharedDataHash(), state.uuids(), state.isFinished());
  }

  private void notFinished() {
    require(!state.isFinished(), "extension has been marked as finished");
  }

  private void onlyCreator(Address sender) {
    require(sender.equals(state.creator()), "only leader may perform this action");
  }

  private static void require(boolean condition, String reason) {
    if (!condition) {
      throw new Revert(reason);
    }
  }

  private State with(Map<Address, Boolean> votes, boolean outcome, String hash, List<String> uuids, boolean finished) {
    return new State(state.creator(), state.targetRecipientPTMKey(), state.contractToExtend(),
        state.walletAddressesToVote(), votes, outcome, hash, uuids, finished);
  }

  private void emit(Hash topic, Object... values) {
    logs.add(new Log(self, List.of(topic), AbiCodec.encode(values)));
  }

  private static Hash topic(String signature) {
    return Hash.keccak(signature.getBytes(StandardCharsets.US_ASCII));
  }

  private static String selector(String signature) {
    return topic(signature).hex().substring(0, 10);
  }
}
