package dev.scopegate.mode;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.upstream.PsiUpstreams;
import dev.scopegate.upstream.Upstream;
import java.util.Optional;
import java.util.Set;

/**
 * Where a caller's calls go, by the node's mode. On a node with multiple private states a tenant
 * is served from a PSI its token grants: the one it picked ({@code Quorum-PSI} header, else {@code
 * ?PSI=}, as GoQuorum reads them, rpc/security.go {@code extractPSI}) or, without a pick, the only
 * one granted (GoQuorum's {@code ExtractPSI}; several without a pick is refused, as there). The
 * granted spelling is what the node is sent. Operators go to the PSI they pick, or to the node's
 * default state. Whatever PSI a client sent never reaches the node itself.
 */
public final class CallRouter {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallRouter.class);

  private final NodeModes modes;
  private final Dispatcher single;
  private final Dispatcher multiple;
  private final Upstream node;
  private final PsiUpstreams psis;

  /** The caller as routed, the pipeline its calls take, and the node as its route reaches it. */
  public record Route(Principal principal, Dispatcher dispatcher, Upstream node) {}

  /**
   * @param single the pipeline for a node with one private state (or none)
   * @param multiple the pipeline for a node with multiple private states, forwarding to the
   *     node's default state until routed to a PSI
   */
  public CallRouter(NodeModes modes, Dispatcher single, Dispatcher multiple, Upstream node, PsiUpstreams psis) {
    this.modes = modes;
    this.node = node;
    this.single = single;
    this.multiple = multiple;
    this.psis = psis;
  }

  /** The route, or an {@link dev.scopegate.jsonrpc.RpcException} saying why there is none. */
  public Route route(Principal caller, Optional<String> pick) {
    Optional<String> picked = pick.filter(p -> !p.isEmpty());
    Optional<NodeMode> mode = modes.current();
    if (caller.isOperator()) {
      Dispatcher base = mode.orElse(NodeMode.SINGLE) == NodeMode.MPS ? multiple : single;
      return picked.map(psi -> routed(caller.routedTo(psi), base, psi))
          .orElseGet(() -> new Route(caller, base, node));
    }
    if (mode.isEmpty()) {
      throw modes.unknown();
    }
    if (mode.get() != NodeMode.MPS) {
      if (mode.get() == NodeMode.SINGLE && caller.privateGrants().isEmpty() && !caller.psiGrants().isEmpty()) {
        throw RpcError.PSI_ON_SINGLE_STATE.exception();
      }
      return new Route(caller, single, node);
    }
    String psi = picked.map(p -> caller.psiGrants().granted(p)
            .orElseThrow(() -> RpcError.PSI_NOT_GRANTED.exception(p)))
        .orElseGet(() -> only(caller.psiGrants().psis()));
    LOG.debug("tenant {} routed to PSI {}", caller.tenantId().orElse(caller.subject()), psi);
    return routed(caller.routedTo(psi), multiple, psi);
  }

  private Route routed(Principal caller, Dispatcher base, String psi) {
    Upstream at = psis.at(psi);
    return new Route(caller, base.via(at), at);
  }

  public NodeModes modes() {
    return modes;
  }

  private static String only(Set<String> granted) {
    if (granted.isEmpty()) {
      throw RpcError.PSI_MISSING.exception();
    }
    if (granted.size() > 1) {
      throw RpcError.PSI_AMBIGUOUS.exception(String.join(", ", granted));
    }
    return granted.iterator().next();
  }
}
