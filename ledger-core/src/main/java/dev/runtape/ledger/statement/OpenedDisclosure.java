package dev.runtape.ledger.statement;

import dev.runtape.verifier.Digest;

/**
 * What opening a {@link ContentRef} found: the disclosure, or that it is withheld (deleted from the content store by a
 * redaction or erasure). A damaged disclosure is neither: opening it fails.
 */
public sealed interface OpenedDisclosure {

    /** The digest the reference names. */
    Digest digest();

    /** The disclosure was there and matched its digest. */
    record Revealed(Disclosure disclosure) implements OpenedDisclosure {

        @Override
        public Digest digest() {
            return disclosure.digest();
        }
    }

    /** The content store does not hold the disclosure: it was redacted or erased, or never delivered. */
    record Withheld(Digest digest) implements OpenedDisclosure {
    }
}
