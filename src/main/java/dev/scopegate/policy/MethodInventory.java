package dev.scopegate.policy;

import java.util.List;

/**
 * The methods GoQuorum v21.1 through v24.x serves, by class (see the README's policy table and
 * shared/goquorum-methods.md for why each sits where it does), and those of the Ethereum
 * execution API (ethereum/execution-apis) and the Parity-style {@code trace_*} module that geth
 * 1.13+, Besu, Erigon and anvil serve, classed by the same rules.
 */
final class MethodInventory {
  private MethodInventory() {}

  /** Public chain or harmless node data. */
  static final List<String> PUBLIC =
      List.of(
          "eth_protocolVersion", "eth_syncing", "eth_gasPrice", "eth_chainId", "eth_blockNumber",
          "eth_getBlockByNumber", "eth_getBlockByHash", "eth_getHeaderByNumber",
          "eth_getHeaderByHash", "eth_getUncleByBlockNumberAndIndex",
          "eth_getUncleByBlockHashAndIndex", "eth_getUncleCountByBlockNumber",
          "eth_getUncleCountByBlockHash", "eth_getBlockTransactionCountByNumber",
          "eth_getBlockTransactionCountByHash", "eth_getTransactionByHash",
          "eth_getTransactionByBlockNumberAndIndex", "eth_getTransactionByBlockHashAndIndex",
          "eth_getRawTransactionByHash", "eth_getRawTransactionByBlockNumberAndIndex",
          "eth_getRawTransactionByBlockHashAndIndex", "eth_newBlockFilter",
          "eth_newPendingTransactionFilter", "eth_coinbase", "eth_etherbase", "eth_mining",
          "eth_hashrate", "eth_getPrivacyPrecompileAddress",
          // execution-apis: fee market and blobs, chain data only
          "eth_feeHistory", "eth_maxPriorityFeePerGas", "eth_blobBaseFee",
          "debug_getRawHeader", "debug_getRawBlock", "debug_getRawTransaction",
          "net_version", "net_listening", "net_peerCount",
          "web3_clientVersion", "web3_sha3", "rpc_modules", "txpool_status",
          "debug_getBlockRlp", "debug_printBlock", "debug_seedHash", "personal_ecRecover",
          "istanbul_getSnapshot", "istanbul_getSnapshotAtHash", "istanbul_getValidators",
          "istanbul_getValidatorsAtHash", "istanbul_getSignersFromBlock",
          "istanbul_getSignersFromBlockByHash", "istanbul_status", "istanbul_nodeAddress",
          "istanbul_isValidator",
          "clique_getSnapshot", "clique_getSnapshotAtHash", "clique_getSigners",
          "clique_getSignersAtHash", "clique_status",
          "quorumPermission_orgList", "quorumPermission_roleList", "quorumPermission_acctList",
          "quorumPermission_getOrgDetails", "quorumPermission_transactionAllowed",
          "quorumPermission_connectionAllowed");

  /** Can reach private state, private payloads or the node's accounts: guarded per call. */
  static final List<String> GUARDED =
      List.of(
          "eth_getTransactionReceipt", "eth_getBalance", "eth_getCode", "eth_getStorageAt",
          "eth_getTransactionCount", "eth_getProof", "eth_storageRoot",
          "eth_getContractPrivacyMetadata", "eth_getQuorumPayload", "eth_getQuorumPayloadExtra",
          "eth_decryptQuorumPayload", "eth_call", "eth_estimateGas", "eth_createAccessList",
          "eth_getLogs", "eth_newFilter", "eth_getFilterLogs", "eth_getFilterChanges",
          "eth_uninstallFilter", "eth_subscribe", "eth_unsubscribe",
          "eth_sendRawTransaction", "eth_sendRawPrivateTransaction",
          "eth_distributePrivateTransaction", "eth_sendTransaction", "eth_sendTransactionAsync",
          "eth_fillTransaction", "eth_signTransaction", "eth_sign", "eth_resend", "eth_accounts",
          "eth_pendingTransactions", "eth_getPrivateTransactionByHash",
          "eth_getPrivateTransactionReceipt", "eth_getPSI",
          "personal_listAccounts", "personal_sendTransaction", "personal_signAndSendTransaction",
          "personal_signTransaction", "personal_sign",
          "debug_traceTransaction", "debug_traceBlockByNumber", "debug_traceBlockByHash",
          "debug_traceBlock", "debug_traceCall",
          "quorumExtension_activeExtensionContracts", "quorumExtension_getExtensionStatus",
          "quorumExtension_extendContract", "quorumExtension_approveExtension",
          "quorumExtension_cancelExtension", "quorumExtension_generateExtensionApprovalUuid",
          // execution-apis: receipts of a block pass the receipt filter one by one
          "eth_getBlockReceipts",
          // execution over several calls or a whole bundle: no per-call guard yet, so refused
          "eth_simulateV1", "eth_callMany", "eth_callBundle",
          // Parity-style traces: of one transaction as debug_traceTransaction; the rest
          // (blocks, filters, calls, raw transactions) refused to tenants as debug_traceBlock*
          "trace_transaction", "trace_replayTransaction", "trace_get", "trace_block",
          "trace_replayBlockTransactions", "trace_filter", "trace_call", "trace_callMany",
          "trace_rawTransaction");

  /** Administration, topology, key material, whole-state dumps: operators only. */
  static final List<String> OPERATOR =
      List.of(
          "eth_getWork", "eth_submitWork", "eth_submitHashRate", "eth_getHashrate",
          "eth_subscribeSyncStatus",
          "ethash_getWork", "ethash_submitWork", "ethash_submitHashRate", "ethash_submitHashrate",
          "ethash_getHashrate",
          "txpool_content", "txpool_inspect",
          "debug_dumpBlock", "debug_dumpAddress", "debug_privateStateRoot",
          "debug_defaultStateRoot", "debug_traceBlockFromFile", "debug_traceBadBlock",
          "debug_standardTraceBlockToFile", "debug_standardTraceBadBlockToFile",
          "debug_storageRangeAt", "debug_accountRange", "debug_getModifiedAccountsByNumber",
          "debug_getModifiedAccountsByHash", "debug_preimage", "debug_getBadBlocks",
          "debug_testSignCliqueBlock", "debug_chaindbProperty", "debug_chaindbCompact",
          "debug_setHead", "debug_verbosity", "debug_vmodule", "debug_backtraceAt",
          "debug_memStats", "debug_gcStats", "debug_stacks", "debug_freeOSMemory",
          "debug_setGCPercent", "debug_cpuProfile", "debug_startCPUProfile",
          "debug_stopCPUProfile", "debug_goTrace", "debug_startGoTrace", "debug_stopGoTrace",
          "debug_blockProfile", "debug_setBlockProfileRate", "debug_writeBlockProfile",
          "debug_mutexProfile", "debug_setMutexProfileFraction", "debug_writeMutexProfile",
          "debug_writeMemProfile", "debug_subscribe", "debug_unsubscribe",
          // execution-apis: consensus receipts are not a tenant's view of private receipts
          "debug_getRawReceipts",
          "admin_nodeInfo", "admin_peers", "admin_datadir", "admin_addPeer", "admin_removePeer",
          "admin_addTrustedPeer", "admin_removeTrustedPeer", "admin_startRPC", "admin_stopRPC",
          "admin_startHTTP", "admin_stopHTTP", "admin_startWS", "admin_stopWS",
          "admin_exportChain", "admin_importChain", "admin_reloadPlugin", "admin_qnodeInfo",
          "admin_qpeers", "admin_subscribe", "admin_unsubscribe",
          "personal_listWallets", "personal_openWallet", "personal_initializeWallet",
          "personal_unpair", "personal_deriveAccount", "personal_newAccount",
          "personal_importRawKey", "personal_unlockAccount", "personal_lockAccount",
          "miner_start", "miner_stop", "miner_setEtherbase", "miner_setExtra",
          "miner_setGasPrice", "miner_setRecommitInterval", "miner_getHashrate",
          "raft_role", "raft_leader", "raft_cluster", "raft_getRaftId", "raft_addPeer",
          "raft_addLearner", "raft_promoteToPeer", "raft_removePeer",
          "istanbul_candidates", "istanbul_propose", "istanbul_discard",
          "clique_proposals", "clique_propose", "clique_discard",
          "quorumPermission_nodeList", "quorumPermission_addOrg", "quorumPermission_approveOrg",
          "quorumPermission_addSubOrg", "quorumPermission_updateOrgStatus",
          "quorumPermission_approveOrgStatus", "quorumPermission_addNode",
          "quorumPermission_updateNodeStatus", "quorumPermission_recoverBlackListedNode",
          "quorumPermission_approveBlackListedNodeRecovery", "quorumPermission_assignAdminRole",
          "quorumPermission_approveAdminRole", "quorumPermission_addNewRole",
          "quorumPermission_removeRole", "quorumPermission_addAccountToOrg",
          "quorumPermission_changeAccountRole", "quorumPermission_updateAccountStatus",
          "quorumPermission_recoverBlackListedAccount",
          "quorumPermission_approveBlackListedAccountRecovery",
          "plugin@account_newAccount", "plugin@account_importRawKey",
          "les_latestCheckpoint", "les_getCheckpoint", "les_getCheckpointContractAddress",
          "qlight_getCurrentToken", "qlight_setCurrentToken", "qlight_reloadPlugin",
          "shh_version", "shh_info", "shh_setMaxMessageSize", "shh_setMinPoW",
          "shh_setBloomFilter", "shh_markTrustedPeer", "shh_newKeyPair", "shh_addPrivateKey",
          "shh_deleteKeyPair", "shh_hasKeyPair", "shh_getPublicKey", "shh_getPrivateKey",
          "shh_newSymKey", "shh_addSymKey", "shh_generateSymKeyFromPassword", "shh_hasSymKey",
          "shh_getSymKey", "shh_deleteSymKey", "shh_makeLightClient", "shh_cancelLightClient",
          "shh_post", "shh_getFilterMessages", "shh_deleteMessageFilter",
          "shh_newMessageFilter", "shh_subscribe", "shh_unsubscribe");
}
