/**
 * Key management on a running ledger, admin only (the security table's {@code /admin/**}): rotating the ledger's
 * signing key and revoking a ledger or producer key from a time on.
 */
@NullMarked
package dev.runtape.api.admin;

import org.jspecify.annotations.NullMarked;
