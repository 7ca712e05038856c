/** Statements: building, signing and checking the COSE_Sign1 envelope of every event, and disclosures. */
@NullMarked
package dev.runtape.ledger.statement;

import org.jspecify.annotations.NullMarked;
