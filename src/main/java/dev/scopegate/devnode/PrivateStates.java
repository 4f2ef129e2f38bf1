package dev.scopegate.devnode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The node's private states: one, or one per resident group when it runs multiple private states
 * (GoQuorum core/private_state_manager.go: a PSI per Tessera {@code residentGroups} entry, each
 * key in exactly one group). A private transaction runs in every PSI one of whose keys is its
 * sender or a recipient (core/mps, {@code NotIncludeAny}); the others see it as a non-party node
 * would. Not thread-safe: the {@link Chain} guards it.
 */
final class PrivateStates {
  private final Map<String, List<String>> groups;
  private final Map<String, PrivateState> states = new LinkedHashMap<>();

  /** {@code groups} empty: one private state. */
  PrivateStates(Map<String, List<String>> groups) {
    this.groups = Map.copyOf(groups);
    if (groups.isEmpty()) {
      states.put(Psi.DEFAULT, new PrivateState());
    } else {
      groups.keySet().forEach(psi -> states.put(psi, new PrivateState()));
    }
  }

  boolean isMultiple() {
    return !groups.isEmpty();
  }

  Set<String> psis() {
    return states.keySet();
  }

  /** The state the current request is served from (core/multiple_psm.go ResolveForUserContext). */
  PrivateState current() {
    if (!isMultiple()) {
      return states.get(Psi.DEFAULT);
    }
    PrivateState state = states.get(Psi.current());
    if (state == null) {
      throw unknown(Psi.current());
    }
    return state;
  }

  static NodeException unknown(String psi) {
    return NodeError.UNKNOWN_PSI.exception(psi);
  }

  void truncateAfter(long block) {
    states.values().forEach(s -> s.truncateAfter(block));
  }

  Pending pending(long parent) {
    return new Pending(parent);
  }

  /** The private changes of the block being mined, in every PSI. */
  final class Pending {
    private final Map<String, PrivateState.Pending> pending = new LinkedHashMap<>();

    private Pending(long parent) {
      states.forEach((psi, state) -> pending.put(psi, state.pending(parent)));
    }

    /**
     * Runs {@code work} in each PSI with that PSI's state and which payloads are its business: those
     * sent or received by one of its keys (every payload this Tessera holds, with one state).
     */
    <R> Map<String, R> each(BiFunction<PrivateState.Pending, Predicate<PayloadRecord>, R> work) {
      Map<String, R> results = new LinkedHashMap<>();
      pending.forEach((psi, state) -> results.put(psi, work.apply(state, party(psi))));
      return results;
    }

    void commit(long block) {
      pending.values().forEach(p -> p.commit(block));
    }
  }

  private Predicate<PayloadRecord> party(String psi) {
    if (!isMultiple()) {
      return record -> true;
    }
    List<String> keys = groups.get(psi);
    return record -> keys.contains(record.senderKey()) || record.recipients().stream().anyMatch(keys::contains);
  }
}
