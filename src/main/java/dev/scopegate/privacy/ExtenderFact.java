package dev.scopegate.privacy;

/**
 * A genuine extension management contract, recorded when it was created: its runtime code is
 * GoQuorum's {@code ContractExtender}, it was created by a private transaction sent from {@code
 * creatorKey} (Tessera's {@code senderKey}, never the client's claim), and it extends {@code
 * extended} to {@code recipientKey} — the only key its {@code StateShared} may add. Addresses are
 * lower-case 0x-hex.
 */
public record ExtenderFact(
    String address, String extended, String recipientKey, String creatorKey, long block, String txHash) {}
