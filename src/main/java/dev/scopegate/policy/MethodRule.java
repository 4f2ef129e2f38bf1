package dev.scopegate.policy;

/** One row of the policy table: a method, who may call it, and how a tenant's call is guarded. */
public record MethodRule(String method, Access access, Guard guard) {}
