package dev.scopegate.policy;

/**
 * One row of the policy table: a method, who may call it, how a tenant's call is guarded and how
 * the node's answer to it is filtered. Operators are never held to a row.
 */
public record MethodRule(String method, Access access, GuardKind guard, FilterKind filter) {}
