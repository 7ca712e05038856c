/**
 * The ledger's keys: its own signing keys ({@link dev.runtape.ledger.keys.LedgerKeyRing}, one primary, rotation and
 * revocation with a time), the keys producers sign their own statements with ({@link
 * dev.runtape.ledger.keys.ProducerKeyRegistry}), the key set file both are kept in (keys.cddl), and private key files
 * in PKCS#8 and PKCS#12 ({@link dev.runtape.ledger.keys.KeyFiles}). Decision 0009 records the formats.
 */
@NullMarked
package dev.runtape.ledger.keys;

import org.jspecify.annotations.NullMarked;
