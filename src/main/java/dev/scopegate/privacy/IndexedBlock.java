package dev.scopegate.privacy;

/** A block the index has applied: its number and hash. */
public record IndexedBlock(long number, String hash) {}
