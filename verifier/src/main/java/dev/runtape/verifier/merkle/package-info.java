/**
 * RFC 9162 §2.1 Merkle trees over SHA-256: hashing, roots, inclusion and consistency proofs.
 *
 * <p>{@link dev.runtape.verifier.merkle.Rfc9162Hasher} owns the leaf and node prefixes. Storages expose their
 * complete subtrees as a {@link dev.runtape.verifier.merkle.NodeSource}; {@link
 * dev.runtape.verifier.merkle.ProofBuilder} computes roots and proofs from any such source, and {@link
 * dev.runtape.verifier.merkle.InMemoryMerkleTree} is the source used by clients and tests. {@link
 * dev.runtape.verifier.merkle.Inclusion} and {@link dev.runtape.verifier.merkle.Consistency} verify proofs, each
 * as a pair: one function computes a root from a proof, the other compares it with the root expected.
 *
 * <p>Nothing here does I/O. Outside bytes become {@link dev.runtape.verifier.Digest}s through {@link
 * dev.runtape.verifier.Digest#of(byte[])}, which rejects anything but 32 bytes; a proof that does not verify
 * throws {@link dev.runtape.verifier.VerificationException}, or {@link
 * dev.runtape.verifier.merkle.RootMismatchException} when it is well shaped but leads to another root.
 */
@NullMarked
package dev.runtape.verifier.merkle;

import org.jspecify.annotations.NullMarked;
