package dev.scopegate.privacy;

/**
 * A payload Tessera holds, as it reports it: the key that sent it ({@code senderKey}) and this
 * Tessera's keys among its parties. The sender is Tessera's fact, never the client's claim.
 */
public record StoredPayload(String senderKey, Parties managedParties) {}
