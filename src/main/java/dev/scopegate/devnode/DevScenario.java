package dev.scopegate.devnode;

import java.util.List;
import java.util.Optional;

/**
 * A chain with two tenants for isolation tests and the demo. Tenant A sends from the node's first
 * account with Tessera key KA, tenant B from its second with KB. A single private state holds all
 * their contracts, as on a GoQuorum node without multiple private states: A's reacher really
 * reaches B's contract. Every contract is created, then called once (data {@code 0xca11} followed
 * by its index), so every contract has a log.
 */
public final class DevScenario {
  private static final String PLAIN = "0x6080604052";

  private final Chain chain;
  private final Address ownerA;
  private final Address ownerB;

  private DevScenario(Chain chain) {
    this.chain = chain;
    this.ownerA = chain.accounts().get(0);
    this.ownerB = chain.accounts().get(1);
  }

  /** Seeds {@code chain}, whose Tessera must manage KA and KB (the dev Tessera's keys do). */
  public static Scenario seed(Chain chain) {
    if (!chain.tessera().manages(DevTessera.KA) || !chain.tessera().manages(DevTessera.KB)) {
      throw new IllegalArgumentException("the scenario needs a Tessera managing KA and KB");
    }
    return new DevScenario(chain).seed();
  }

  private Scenario seed() {
    PrivacyRequest onlyA = PrivacyRequest.local(DevTessera.KA, List.of(), 0);
    PrivacyRequest onlyB = PrivacyRequest.local(DevTessera.KB, List.of(), 0);
    PrivacyRequest aAndB = PrivacyRequest.local(DevTessera.KA, List.of(DevTessera.KB), 0);
    MinedTransaction privateA = create(ownerA, PLAIN + "aa", Optional.of(onlyA));
    MinedTransaction privateB = create(ownerB, PLAIN + "bb", Optional.of(onlyB));
    MinedTransaction shared = create(ownerA, PLAIN + "ab", Optional.of(aAndB));
    MinedTransaction publicContract = create(ownerA, PLAIN + "00", Optional.empty());
    MinedTransaction factory = create(ownerA, Behaviours.FACTORY + "01", Optional.of(onlyA));
    Address addressB = address(privateB);
    MinedTransaction reacher =
        create(ownerA, Behaviours.REACHER + bare(addressB), Optional.of(onlyA));
    MinedTransaction codeReader =
        create(ownerA, Behaviours.CODE_READER + bare(addressB), Optional.of(onlyA));
    Address child = ContractAddress.of(address(factory), 1);
    return new Scenario(
        ownerA,
        ownerB,
        DevTessera.KA,
        DevTessera.KB,
        call(privateA, address(privateA), ownerA, Optional.of(onlyA), 0),
        call(privateB, addressB, ownerB, Optional.of(onlyB), 1),
        call(shared, address(shared), ownerA, Optional.of(aAndB), 2),
        call(publicContract, address(publicContract), ownerA, Optional.empty(), 3),
        call(factory, address(factory), ownerA, Optional.of(onlyA), 4),
        call(factory, child, ownerA, Optional.of(onlyA), 5),
        call(reacher, address(reacher), ownerA, Optional.of(onlyA), 6),
        call(codeReader, address(codeReader), ownerA, Optional.of(onlyA), 7));
  }

  private MinedTransaction create(Address from, String code, Optional<PrivacyRequest> privacy) {
    TransactionRequest request = TransactionRequest.create(from, code);
    return chain.mineTransaction(privacy.map(request::withPrivacy).orElse(request));
  }

  private Scenario.Deployed call(
      MinedTransaction creation,
      Address contract,
      Address from,
      Optional<PrivacyRequest> privacy,
      int index) {
    TransactionRequest request = TransactionRequest.call(from, contract, "0xca11" + "0" + index);
    MinedTransaction call =
        chain.mineTransaction(privacy.map(request::withPrivacy).orElse(request));
    return new Scenario.Deployed(
        contract, creation.transaction().hash(), call.transaction().hash());
  }

  private static Address address(MinedTransaction creation) {
    Transaction tx = creation.transaction();
    return ContractAddress.of(tx.from(), tx.nonce());
  }

  private static String bare(Address address) {
    return address.hex().substring(2);
  }
}
