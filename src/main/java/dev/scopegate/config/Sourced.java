package dev.scopegate.config;

/** A value and where it came from: a key path for the file, a variable name for the environment. */
record Sourced(String label, Raw raw) {}
