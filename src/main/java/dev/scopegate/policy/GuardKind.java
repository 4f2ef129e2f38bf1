package dev.scopegate.policy;

/**
 * The request guards a row of {@link MethodTable} can name. What each one is on a node depends on
 * its mode ({@link Isolation}): with one private state Scopegate checks the call itself; with
 * several the node keeps each PSI apart and most of these pass.
 */
public enum GuardKind {
  /** Forwarded as sent (the response filter, if any, does the work). */
  NONE,
  /** Refused to tenants: no guard is built for it (fail closed). */
  REFUSE,
  /** Creates a filter: the tenant must be one filter ids can be bound to. */
  FILTER_OWNER,
  /** Uses a filter id: it must be the tenant's own, else "filter not found". */
  FILTER_ID_USE,
  /** Uninstalls a filter id: someone else's, tampered or unknown answers {@code false}. */
  FILTER_ID_UNINSTALL,
  /** Subscribes: only the kinds a tenant may follow. */
  SUBSCRIBE,
  /** Balance or nonce of an address: pinned; a foreign private contract reads as empty. */
  ACCOUNT_STATE,
  /** Code of an address: pinned; a foreign private contract has none. */
  CODE,
  /** A storage slot: pinned; a foreign private contract's is the zero word. */
  STORAGE,
  /** A storage root: pinned; a foreign private contract's is the empty root. */
  STORAGE_ROOT,
  /** A Merkle proof: pinned; refused for a foreign private contract. */
  PROOF,
  /** {@code eth_call}: pinned, overrides checked, traced for reach when the node can. */
  CALL,
  /** Gas estimates and access lists: as {@link #CALL}, their overrides in the third parameter. */
  ESTIMATE,
  /** {@code debug_traceCall}: as {@link #CALL}, its overrides in the trace config. */
  TRACE_CALL,
  /** A private payload: answered empty unless the tenant is party. */
  QUORUM_PAYLOAD,
  /** A private payload with its metadata: refused unless the tenant is party. */
  QUORUM_PAYLOAD_EXTRA,
  /** A private transaction or its receipt: {@code null} unless the tenant is party. */
  PRIVATE_TRANSACTION,
  /** Privacy metadata: a foreign private contract answers as a non-private address. */
  PRIVACY_METADATA,
  /** Trace of one transaction: refused unless party to it and to everything its trace touches. */
  TRACE_TRANSACTION,
  /** Parity-style trace of one transaction: as {@link #TRACE_TRANSACTION}; refused on MPS. */
  PARITY_TRACE_TRANSACTION,
  /** Trace of a whole block: every tenant's transactions, so refused unless the node isolates PSIs. */
  BLOCK_TRACE,
  /** A block's receipts: each passes the receipt filter; refused on MPS. */
  BLOCK_RECEIPTS,
  /** The caller's private state identifier: only meaningful (and passed) on MPS. */
  PSI,
  /** Sent by the node from one of its accounts: the tenant's account and keys, traced first. */
  NODE_SENT,
  /** As {@link #NODE_SENT}, and refused with a {@code callbackUrl} (the node would POST to it). */
  NODE_SENT_NO_CALLBACK,
  /** Signed, not sent, by a node account: the tenant's account and keys. */
  NODE_SIGNED,
  /** Filled in by the node, neither signed nor sent: the tenant's keys. */
  FILL,
  /** Client-signed, public or naming a stored private payload: signer, sending key, traced first. */
  RAW_TRANSACTION,
  /** Client-signed with a payload stored raw in Tessera: signer, sending key, traced first. */
  RAW_PRIVATE_TRANSACTION,
  /** Signs with the account in parameter 0: it must be the tenant's. */
  ACCOUNT_AT_0,
  /** Signs with the account in parameter 1: it must be the tenant's. */
  ACCOUNT_AT_1
}
