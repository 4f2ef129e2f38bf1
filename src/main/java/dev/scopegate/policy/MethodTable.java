package dev.scopegate.policy;

import static dev.scopegate.policy.FilterKind.ACCOUNTS;
import static dev.scopegate.policy.FilterKind.BLOCK_RECEIPTS;
import static dev.scopegate.policy.FilterKind.FILTER_ID_ISSUE;
import static dev.scopegate.policy.FilterKind.LOGS;
import static dev.scopegate.policy.FilterKind.RECEIPT;
import static dev.scopegate.policy.FilterKind.RECEIPT_SEEN_HEAD;
import static dev.scopegate.policy.FilterKind.SEEN_HEAD;
import static dev.scopegate.policy.GuardKind.ACCOUNT_AT_0;
import static dev.scopegate.policy.GuardKind.ACCOUNT_AT_1;
import static dev.scopegate.policy.GuardKind.ACCOUNT_STATE;
import static dev.scopegate.policy.GuardKind.BLOCK_TRACE;
import static dev.scopegate.policy.GuardKind.CALL;
import static dev.scopegate.policy.GuardKind.CODE;
import static dev.scopegate.policy.GuardKind.ESTIMATE;
import static dev.scopegate.policy.GuardKind.FILL;
import static dev.scopegate.policy.GuardKind.FILTER_ID_UNINSTALL;
import static dev.scopegate.policy.GuardKind.FILTER_ID_USE;
import static dev.scopegate.policy.GuardKind.FILTER_OWNER;
import static dev.scopegate.policy.GuardKind.NODE_SENT;
import static dev.scopegate.policy.GuardKind.NODE_SENT_NO_CALLBACK;
import static dev.scopegate.policy.GuardKind.NODE_SIGNED;
import static dev.scopegate.policy.GuardKind.PARITY_TRACE_TRANSACTION;
import static dev.scopegate.policy.GuardKind.PRIVACY_METADATA;
import static dev.scopegate.policy.GuardKind.PRIVATE_TRANSACTION;
import static dev.scopegate.policy.GuardKind.PROOF;
import static dev.scopegate.policy.GuardKind.PSI;
import static dev.scopegate.policy.GuardKind.QUORUM_PAYLOAD;
import static dev.scopegate.policy.GuardKind.QUORUM_PAYLOAD_EXTRA;
import static dev.scopegate.policy.GuardKind.RAW_PRIVATE_TRANSACTION;
import static dev.scopegate.policy.GuardKind.RAW_TRANSACTION;
import static dev.scopegate.policy.GuardKind.REFUSE;
import static dev.scopegate.policy.GuardKind.STORAGE;
import static dev.scopegate.policy.GuardKind.STORAGE_ROOT;
import static dev.scopegate.policy.GuardKind.SUBSCRIBE;
import static dev.scopegate.policy.GuardKind.TRACE_CALL;
import static dev.scopegate.policy.GuardKind.TRACE_TRANSACTION;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy table: every method GoQuorum v21.1 through v24.x serves (read from GoQuorum's
 * {@code internal/web3ext/web3ext.go} and its services' {@code APIs()}), and those of the Ethereum
 * execution API and the Parity-style {@code trace_*} module that geth 1.13+, Besu, Erigon and anvil
 * serve, one row each: who may call it, its request guard, its response filter and, where it is
 * not {@link MethodRule#DEFAULT_COST}, what a call costs against {@code costPerSecond}. docs/policy.md
 * prints it (a test keeps the two equal; shared/goquorum-methods.md says why each sits where it
 * does). What a guard or filter kind does on a node is {@link Isolation}'s; a guarded row names
 * its guard, {@link GuardKind#REFUSE} when none is built yet. A method has one row: a second one
 * fails the class's initialisation, so no row overrides another.
 */
public final class MethodTable {
  private MethodTable() {}

  public static final List<MethodRule> ROWS =
      unique(
          List.of(
          // eth
          pub("eth_protocolVersion"),
          pub("eth_syncing"),
          pub("eth_gasPrice"),
          pub("eth_chainId"),
          pub("eth_blockNumber", SEEN_HEAD),
          pub("eth_getBlockByNumber"),
          pub("eth_getBlockByHash"),
          pub("eth_getHeaderByNumber"),
          pub("eth_getHeaderByHash"),
          pub("eth_getUncleByBlockNumberAndIndex"),
          pub("eth_getUncleByBlockHashAndIndex"),
          pub("eth_getUncleCountByBlockNumber"),
          pub("eth_getUncleCountByBlockHash"),
          pub("eth_getBlockTransactionCountByNumber"),
          pub("eth_getBlockTransactionCountByHash"),
          pub("eth_getTransactionByHash"),
          pub("eth_getTransactionByBlockNumberAndIndex"),
          pub("eth_getTransactionByBlockHashAndIndex"),
          pub("eth_getRawTransactionByHash"),
          pub("eth_getRawTransactionByBlockNumberAndIndex"),
          pub("eth_getRawTransactionByBlockHashAndIndex"),
          pub("eth_newBlockFilter", FILTER_OWNER, FILTER_ID_ISSUE),
          pub("eth_newPendingTransactionFilter", FILTER_OWNER, FILTER_ID_ISSUE),
          pub("eth_coinbase"),
          pub("eth_etherbase"),
          pub("eth_mining"),
          pub("eth_hashrate"),
          pub("eth_getPrivacyPrecompileAddress"),
          // execution-apis: fee market and blobs, chain data only
          pub("eth_feeHistory"),
          pub("eth_maxPriorityFeePerGas"),
          pub("eth_blobBaseFee"),
          guarded("eth_getTransactionReceipt", RECEIPT_SEEN_HEAD),
          guarded("eth_getBalance", ACCOUNT_STATE),
          guarded("eth_getCode", CODE),
          guarded("eth_getStorageAt", STORAGE),
          guarded("eth_getTransactionCount", ACCOUNT_STATE),
          guarded("eth_getProof", PROOF).cost(10),
          guarded("eth_storageRoot", STORAGE_ROOT),
          guarded("eth_getContractPrivacyMetadata", PRIVACY_METADATA),
          guarded("eth_getQuorumPayload", QUORUM_PAYLOAD),
          guarded("eth_getQuorumPayloadExtra", QUORUM_PAYLOAD_EXTRA),
          guarded("eth_decryptQuorumPayload", REFUSE),
          guarded("eth_call", CALL).cost(10),
          guarded("eth_estimateGas", ESTIMATE).cost(10),
          guarded("eth_createAccessList", ESTIMATE).cost(10),
          guarded("eth_getLogs", LOGS).cost(20),
          guarded("eth_newFilter", FILTER_OWNER, FILTER_ID_ISSUE).cost(5),
          guarded("eth_getFilterLogs", FILTER_ID_USE, LOGS).cost(20),
          guarded("eth_getFilterChanges", FILTER_ID_USE, LOGS),
          guarded("eth_uninstallFilter", FILTER_ID_UNINSTALL),
          guarded("eth_subscribe", SUBSCRIBE),
          guarded("eth_unsubscribe", GuardKind.NONE),
          guarded("eth_sendRawTransaction", RAW_TRANSACTION).cost(10),
          guarded("eth_sendRawPrivateTransaction", RAW_PRIVATE_TRANSACTION).cost(10),
          guarded("eth_distributePrivateTransaction", RAW_PRIVATE_TRANSACTION),
          guarded("eth_sendTransaction", NODE_SENT).cost(10),
          guarded("eth_sendTransactionAsync", NODE_SENT_NO_CALLBACK).cost(10),
          guarded("eth_fillTransaction", FILL).cost(10),
          guarded("eth_signTransaction", NODE_SIGNED),
          guarded("eth_sign", ACCOUNT_AT_0),
          guarded("eth_resend", REFUSE),
          guarded("eth_accounts", ACCOUNTS),
          guarded("eth_pendingTransactions", REFUSE),
          guarded("eth_getPrivateTransactionByHash", PRIVATE_TRANSACTION),
          guarded("eth_getPrivateTransactionReceipt", PRIVATE_TRANSACTION, RECEIPT),
          guarded("eth_getPSI", PSI),
          // execution-apis: receipts of a block pass the receipt filter one by one
          guarded("eth_getBlockReceipts", GuardKind.BLOCK_RECEIPTS, BLOCK_RECEIPTS).cost(10),
          // execution over several calls or a whole bundle: no per-call guard yet, so refused
          guarded("eth_simulateV1", REFUSE),
          guarded("eth_callMany", REFUSE),
          guarded("eth_callBundle", REFUSE),
          operator("eth_getWork"),
          operator("eth_submitWork"),
          operator("eth_submitHashRate"),
          operator("eth_getHashrate"),
          operator("eth_subscribeSyncStatus"),

          // net
          pub("net_version"),
          pub("net_listening"),
          pub("net_peerCount"),
          // web3
          pub("web3_clientVersion"),
          pub("web3_sha3"),

          // rpc
          pub("rpc_modules"),

          // txpool
          pub("txpool_status"),
          operator("txpool_content"),
          operator("txpool_inspect"),

          // debug
          // execution-apis: raw chain data
          pub("debug_getRawHeader"),
          pub("debug_getRawBlock"),
          pub("debug_getRawTransaction"),
          pub("debug_getBlockRlp"),
          pub("debug_printBlock"),
          pub("debug_seedHash"),
          guarded("debug_traceTransaction", TRACE_TRANSACTION).cost(50),
          guarded("debug_traceBlockByNumber", BLOCK_TRACE).cost(100),
          guarded("debug_traceBlockByHash", BLOCK_TRACE).cost(100),
          guarded("debug_traceBlock", BLOCK_TRACE).cost(100),
          guarded("debug_traceCall", TRACE_CALL).cost(50),
          operator("debug_dumpBlock"),
          operator("debug_dumpAddress"),
          operator("debug_privateStateRoot"),
          operator("debug_defaultStateRoot"),
          operator("debug_traceBlockFromFile"),
          operator("debug_traceBadBlock"),
          operator("debug_standardTraceBlockToFile"),
          operator("debug_standardTraceBadBlockToFile"),
          operator("debug_storageRangeAt"),
          operator("debug_accountRange"),
          operator("debug_getModifiedAccountsByNumber"),
          operator("debug_getModifiedAccountsByHash"),
          operator("debug_preimage"),
          operator("debug_getBadBlocks"),
          operator("debug_testSignCliqueBlock"),
          operator("debug_chaindbProperty"),
          operator("debug_chaindbCompact"),
          operator("debug_setHead"),
          operator("debug_verbosity"),
          operator("debug_vmodule"),
          operator("debug_backtraceAt"),
          operator("debug_memStats"),
          operator("debug_gcStats"),
          operator("debug_stacks"),
          operator("debug_freeOSMemory"),
          operator("debug_setGCPercent"),
          operator("debug_cpuProfile"),
          operator("debug_startCPUProfile"),
          operator("debug_stopCPUProfile"),
          operator("debug_goTrace"),
          operator("debug_startGoTrace"),
          operator("debug_stopGoTrace"),
          operator("debug_blockProfile"),
          operator("debug_setBlockProfileRate"),
          operator("debug_writeBlockProfile"),
          operator("debug_mutexProfile"),
          operator("debug_setMutexProfileFraction"),
          operator("debug_writeMutexProfile"),
          operator("debug_writeMemProfile"),
          operator("debug_subscribe"),
          operator("debug_unsubscribe"),
          // execution-apis: consensus receipts are not a tenant's view of private receipts
          operator("debug_getRawReceipts"),

          // trace
          // Parity-style traces: of one transaction as debug_traceTransaction; the rest
          // (blocks, filters, calls, raw transactions) refused to tenants as debug_traceBlock*
          guarded("trace_transaction", PARITY_TRACE_TRANSACTION).cost(50),
          guarded("trace_replayTransaction", PARITY_TRACE_TRANSACTION),
          guarded("trace_get", REFUSE),
          guarded("trace_block", REFUSE).cost(100),
          guarded("trace_replayBlockTransactions", REFUSE),
          guarded("trace_filter", REFUSE),
          guarded("trace_call", REFUSE),
          guarded("trace_callMany", REFUSE),
          guarded("trace_rawTransaction", REFUSE),

          // personal
          pub("personal_ecRecover"),
          guarded("personal_listAccounts", ACCOUNTS),
          guarded("personal_sendTransaction", NODE_SENT),
          guarded("personal_signAndSendTransaction", NODE_SENT),
          guarded("personal_signTransaction", NODE_SIGNED),
          guarded("personal_sign", ACCOUNT_AT_1),
          operator("personal_listWallets"),
          operator("personal_openWallet"),
          operator("personal_initializeWallet"),
          operator("personal_unpair"),
          operator("personal_deriveAccount"),
          operator("personal_newAccount"),
          operator("personal_importRawKey"),
          operator("personal_unlockAccount"),
          operator("personal_lockAccount"),

          // istanbul
          pub("istanbul_getSnapshot"),
          pub("istanbul_getSnapshotAtHash"),
          pub("istanbul_getValidators"),
          pub("istanbul_getValidatorsAtHash"),
          pub("istanbul_getSignersFromBlock"),
          pub("istanbul_getSignersFromBlockByHash"),
          pub("istanbul_status"),
          pub("istanbul_nodeAddress"),
          pub("istanbul_isValidator"),
          operator("istanbul_candidates"),
          operator("istanbul_propose"),
          operator("istanbul_discard"),

          // clique
          pub("clique_getSnapshot"),
          pub("clique_getSnapshotAtHash"),
          pub("clique_getSigners"),
          pub("clique_getSignersAtHash"),
          pub("clique_status"),
          operator("clique_proposals"),
          operator("clique_propose"),
          operator("clique_discard"),

          // quorumPermission
          pub("quorumPermission_orgList"),
          pub("quorumPermission_roleList"),
          pub("quorumPermission_acctList"),
          pub("quorumPermission_getOrgDetails"),
          pub("quorumPermission_transactionAllowed"),
          pub("quorumPermission_connectionAllowed"),
          operator("quorumPermission_nodeList"),
          operator("quorumPermission_addOrg"),
          operator("quorumPermission_approveOrg"),
          operator("quorumPermission_addSubOrg"),
          operator("quorumPermission_updateOrgStatus"),
          operator("quorumPermission_approveOrgStatus"),
          operator("quorumPermission_addNode"),
          operator("quorumPermission_updateNodeStatus"),
          operator("quorumPermission_recoverBlackListedNode"),
          operator("quorumPermission_approveBlackListedNodeRecovery"),
          operator("quorumPermission_assignAdminRole"),
          operator("quorumPermission_approveAdminRole"),
          operator("quorumPermission_addNewRole"),
          operator("quorumPermission_removeRole"),
          operator("quorumPermission_addAccountToOrg"),
          operator("quorumPermission_changeAccountRole"),
          operator("quorumPermission_updateAccountStatus"),
          operator("quorumPermission_recoverBlackListedAccount"),
          operator("quorumPermission_approveBlackListedAccountRecovery"),

          // quorumExtension
          guarded("quorumExtension_activeExtensionContracts", REFUSE),
          guarded("quorumExtension_getExtensionStatus", REFUSE),
          guarded("quorumExtension_extendContract", REFUSE),
          guarded("quorumExtension_approveExtension", REFUSE),
          guarded("quorumExtension_cancelExtension", REFUSE),
          guarded("quorumExtension_generateExtensionApprovalUuid", REFUSE),

          // ethash
          operator("ethash_getWork"),
          operator("ethash_submitWork"),
          operator("ethash_submitHashRate"),
          operator("ethash_submitHashrate"),
          operator("ethash_getHashrate"),

          // admin
          operator("admin_nodeInfo"),
          operator("admin_peers"),
          operator("admin_datadir"),
          operator("admin_addPeer"),
          operator("admin_removePeer"),
          operator("admin_addTrustedPeer"),
          operator("admin_removeTrustedPeer"),
          operator("admin_startRPC"),
          operator("admin_stopRPC"),
          operator("admin_startHTTP"),
          operator("admin_stopHTTP"),
          operator("admin_startWS"),
          operator("admin_stopWS"),
          operator("admin_exportChain"),
          operator("admin_importChain"),
          operator("admin_reloadPlugin"),
          operator("admin_qnodeInfo"),
          operator("admin_qpeers"),
          operator("admin_subscribe"),
          operator("admin_unsubscribe"),

          // miner
          operator("miner_start"),
          operator("miner_stop"),
          operator("miner_setEtherbase"),
          operator("miner_setExtra"),
          operator("miner_setGasPrice"),
          operator("miner_setRecommitInterval"),
          operator("miner_getHashrate"),

          // raft
          operator("raft_role"),
          operator("raft_leader"),
          operator("raft_cluster"),
          operator("raft_getRaftId"),
          operator("raft_addPeer"),
          operator("raft_addLearner"),
          operator("raft_promoteToPeer"),
          operator("raft_removePeer"),

          // plugin@account
          operator("plugin@account_newAccount"),
          operator("plugin@account_importRawKey"),

          // les
          operator("les_latestCheckpoint"),
          operator("les_getCheckpoint"),
          operator("les_getCheckpointContractAddress"),

          // qlight
          operator("qlight_getCurrentToken"),
          operator("qlight_setCurrentToken"),
          operator("qlight_reloadPlugin"),

          // shh
          operator("shh_version"),
          operator("shh_info"),
          operator("shh_setMaxMessageSize"),
          operator("shh_setMinPoW"),
          operator("shh_setBloomFilter"),
          operator("shh_markTrustedPeer"),
          operator("shh_newKeyPair"),
          operator("shh_addPrivateKey"),
          operator("shh_deleteKeyPair"),
          operator("shh_hasKeyPair"),
          operator("shh_getPublicKey"),
          operator("shh_getPrivateKey"),
          operator("shh_newSymKey"),
          operator("shh_addSymKey"),
          operator("shh_generateSymKeyFromPassword"),
          operator("shh_hasSymKey"),
          operator("shh_getSymKey"),
          operator("shh_deleteSymKey"),
          operator("shh_makeLightClient"),
          operator("shh_cancelLightClient"),
          operator("shh_post"),
          operator("shh_getFilterMessages"),
          operator("shh_deleteMessageFilter"),
          operator("shh_newMessageFilter"),
          operator("shh_subscribe"),
          operator("shh_unsubscribe")));

  /** Public chain or harmless node data: any tenant with a covering {@code rpc://} grant. */
  private static MethodRule pub(String method) {
    return new MethodRule(method, Access.PUBLIC, GuardKind.NONE, FilterKind.NONE);
  }

  private static MethodRule pub(String method, FilterKind filter) {
    return new MethodRule(method, Access.PUBLIC, GuardKind.NONE, filter);
  }

  private static MethodRule pub(String method, GuardKind guard, FilterKind filter) {
    return new MethodRule(method, Access.PUBLIC, guard, filter);
  }

  /** Can reach private state, private payloads or the node's accounts: through its guard. */
  private static MethodRule guarded(String method, GuardKind guard) {
    return new MethodRule(method, Access.GUARDED, guard, FilterKind.NONE);
  }

  /** Guarded by its filter alone: the whole answer is narrowed, nothing to check before. */
  private static MethodRule guarded(String method, FilterKind filter) {
    return new MethodRule(method, Access.GUARDED, GuardKind.NONE, filter);
  }

  private static MethodRule guarded(String method, GuardKind guard, FilterKind filter) {
    return new MethodRule(method, Access.GUARDED, guard, filter);
  }

  /** Administration, topology, key material, whole-state dumps: operators only. */
  private static MethodRule operator(String method) {
    return new MethodRule(method, Access.OPERATOR, REFUSE, FilterKind.NONE);
  }

  private static List<MethodRule> unique(List<MethodRule> rows) {
    Set<String> seen = new HashSet<>();
    for (MethodRule row : rows) {
      if (!seen.add(row.method())) {
        throw new IllegalStateException(row.method() + " has two rows");
      }
    }
    return rows;
  }
}
