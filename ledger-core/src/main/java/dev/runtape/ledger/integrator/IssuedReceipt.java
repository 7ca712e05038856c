package dev.runtape.ledger.integrator;

import dev.runtape.verifier.receipt.Receipt;

/**
 * An RFC 9942 inclusion receipt for one leaf against one signed checkpoint: the receipt's proof leads from the
 * leaf's hash to the checkpoint's root, which the receipt's signature covers.
 */
public record IssuedReceipt(TreeLeaf leaf, SignedCheckpoint checkpoint, Receipt receipt) {

    public IssuedReceipt {
        if (leaf.leafIndex() >= checkpoint.treeSize()) {
            throw new IllegalArgumentException("leaf " + leaf.leafIndex() + " is not under the checkpoint of size "
                    + checkpoint.treeSize());
        }
    }
}
