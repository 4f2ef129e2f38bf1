package dev.scopegate.privacy;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The runtime code a genuine extension management contract has: the keccak-256 hash of GoQuorum's
 * compiled {@code ContractExtender} (extension/extensionContracts/contract_extender.go,
 * {@code ContractExtenderBin}; the runtime is what its constructor returns, and it has no
 * immutables, so every deployment's code is the same). The contract cannot self-destruct, so the
 * code seen at its creation is its code for ever.
 */
public record ExtenderCode(Set<String> hashes) {
  /** GoQuorum 20.10 to 21.4 (solc 0.5.x with the optimiser; ea9eda5b0 in ConsenSys/quorum). */
  public static final String GOQUORUM_21_1 = "0xdd9c8f48c3a5961bfea0d6dd6d1cfdd2a6c5944176462520416438520ed3faae";
  /** GoQuorum 21.7 and later (regenerated with go-ethereum 1.9.23's abigen, d543cd6a7). */
  public static final String GOQUORUM_21_7 = "0x46db731f624a129484a95a2318862708e1345db933fd50fb4a14e559d1a24160";
  public static final List<String> GOQUORUM = List.of(GOQUORUM_21_1, GOQUORUM_21_7);

  public ExtenderCode {
    hashes = hashes.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  public static ExtenderCode of(List<String> hashes) {
    return new ExtenderCode(Set.copyOf(hashes));
  }

  boolean isGenuine(byte[] runtimeCode) {
    return runtimeCode.length > 0 && hashes.contains("0x" + HexFormat.of().formatHex(ChainFormat.keccak(runtimeCode)));
  }
}
