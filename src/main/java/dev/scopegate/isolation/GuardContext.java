package dev.scopegate.isolation;

import dev.scopegate.privacy.BlockPinner;
import dev.scopegate.privacy.NodeCapabilities;
import dev.scopegate.privacy.NodeRpc;
import dev.scopegate.privacy.PrivacyResolver;
import dev.scopegate.privacy.TesseraClient;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What guards and filters consult: the privacy resolver, the block pinner, the node itself (for
 * Scopegate's own questions, such as a trace before a call), its capabilities as detected, and
 * Tessera.
 */
public record GuardContext(
    PrivacyResolver resolver,
    BlockPinner pinner,
    NodeRpc node,
    Supplier<NodeCapabilities> capabilities,
    Optional<TesseraClient> tessera) {}
