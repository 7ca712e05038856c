/**
 * The content store port: bytes kept by their SHA-256, for disclosures and large artifacts that statements name by
 * digest instead of carrying them. Contents can be deleted (redaction, erasure) while the statements naming them
 * stay as they are. Each technology is an adapter in its own subpackage ({@code local}), and every adapter passes
 * the same contract test suite.
 */
@NullMarked
package dev.runtape.ledger.content;

import org.jspecify.annotations.NullMarked;
