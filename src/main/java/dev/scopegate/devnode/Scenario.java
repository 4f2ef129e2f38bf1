package dev.scopegate.devnode;

import java.util.List;

/**
 * What {@link DevScenario#seed} made: the node accounts and Tessera keys of tenants A and B, and
 * every contract by name, each with the transaction that created it and the one that called it.
 *
 * @param ownerA the node account tenant A sends from ({@code accounts().get(0)})
 * @param ownerB the node account tenant B sends from ({@code accounts().get(1)})
 * @param keyA tenant A's Tessera key ({@link DevTessera#KA})
 * @param keyB tenant B's Tessera key ({@link DevTessera#KB})
 * @param privateA private to A
 * @param privateB private to B
 * @param shared private to A and B
 * @param publicContract public
 * @param factory private to A; its creation made {@code child}
 * @param child made by {@code factory} (its creation is the factory's)
 * @param reacher private to A; calls {@code privateB}, so its call logs from B's contract too
 * @param codeReader private to A; reads {@code privateB}'s code without calling it
 */
public record Scenario(
    Address ownerA,
    Address ownerB,
    String keyA,
    String keyB,
    Deployed privateA,
    Deployed privateB,
    Deployed shared,
    Deployed publicContract,
    Deployed factory,
    Deployed child,
    Deployed reacher,
    Deployed codeReader) {

  /** A contract, the transaction that created it and the transaction that called it. */
  public record Deployed(Address address, Hash creation, Hash call) {}

  /** Every contract, in the order they were created. */
  public List<Deployed> contracts() {
    return List.of(privateA, privateB, shared, publicContract, factory, child, reacher, codeReader);
  }
}
