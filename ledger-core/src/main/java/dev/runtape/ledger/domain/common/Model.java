package dev.runtape.ledger.domain.common;

/** The model behind an agent, e.g. provider "anthropic", id "claude-opus-4-5-20251101". */
public record Model(String provider, String id) {
}
