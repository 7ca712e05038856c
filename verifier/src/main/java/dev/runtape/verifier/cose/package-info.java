/**
 * COSE_Sign1 (RFC 9052 §4.2): building, signing, parsing and verifying single-signer messages, with external AAD
 * and detached payloads. A parsed message keeps its protected header as the exact bytes received, because the
 * signature covers those bytes and not any re-encoding of them.
 */
@NullMarked
package dev.runtape.verifier.cose;

import org.jspecify.annotations.NullMarked;
