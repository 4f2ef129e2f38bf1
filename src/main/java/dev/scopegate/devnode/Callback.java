package dev.scopegate.devnode;

/**
 * What GoQuorum would POST to an {@code eth_sendTransactionAsync} caller's {@code callbackUrl} once
 * the transaction is submitted: {@code body} is the JSON Go's encoder writes, {@code
 * {"id":…,"txHash":"0x…"}} or {@code {"id":…,"error":"…"}}, where {@code id} is the request's
 * JSON-RPC id as raw JSON text inside a string. The dev node records it and posts nothing.
 */
public record Callback(String url, String body) {}
