package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grants a token's scopes carry. The scopes come from the claim {@code scope} (or the one
 * {@code auth.jwt.scopeClaim} names) or {@code scp},
 * each a space-separated string or an array of strings; scopes that are neither {@code rpc://} nor
 * well-formed {@code private://} or {@code psi://} grant nothing.
 */
public record Scopes(List<RpcGrant> rpcGrants, List<PrivateGrant> privateGrants, List<PsiGrant> psiGrants) {
  static final String DEFAULT_CLAIM = "scope";

  public Scopes {
    rpcGrants = List.copyOf(rpcGrants);
    privateGrants = List.copyOf(privateGrants);
    psiGrants = List.copyOf(psiGrants);
  }

  public Scopes(List<RpcGrant> rpcGrants, List<PrivateGrant> privateGrants) {
    this(rpcGrants, privateGrants, List.of());
  }

  /** The grants of a token's claims (a JSON object). */
  public static Scopes fromClaims(JsonNode claims) {
    return fromClaims(claims, DEFAULT_CLAIM);
  }

  /** The grants of the claim {@code scopeClaim} and of {@code scp}. */
  public static Scopes fromClaims(JsonNode claims, String scopeClaim) {
    return parse(raw(claims, scopeClaim));
  }

  public static Scopes parse(Collection<String> scopes) {
    List<RpcGrant> rpc = new ArrayList<>();
    List<PrivateGrant> privates = new ArrayList<>();
    List<PsiGrant> psis = new ArrayList<>();
    for (String scope : scopes) {
      RpcGrant.parse(scope).ifPresent(rpc::add);
      PrivateGrant.parse(scope).ifPresent(privates::add);
      PsiGrant.parse(scope).ifPresent(psis::add);
    }
    return new Scopes(rpc, privates, psis);
  }

  /** The scope strings of {@code scope} and {@code scp}, in order, without repeats. */
  static Set<String> raw(JsonNode claims) {
    return raw(claims, DEFAULT_CLAIM);
  }

  static Set<String> raw(JsonNode claims, String scopeClaim) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String name : new LinkedHashSet<>(List.of(scopeClaim, "scp"))) {
      JsonNode claim = claims.path(name);
      if (claim.isTextual()) {
        addWords(claim.textValue(), scopes);
      } else if (claim.isArray()) {
        claim.forEach(
            item -> {
              if (item.isTextual()) {
                addWords(item.textValue(), scopes);
              }
            });
      }
    }
    return scopes;
  }

  private static void addWords(String text, Set<String> into) {
    for (String word : text.trim().split("\\s+")) {
      if (!word.isEmpty()) {
        into.add(word);
      }
    }
  }
}
