/**
 * Storage adapters, one subpackage per database engine ({@code sqlite}, {@code postgres}). Each subpackage holds
 * every port's adapter for its engine, because those adapters share one database, its connection settings and its
 * schema; adapters of different engines share no code (decision 0007).
 */
@NullMarked
package dev.runtape.ledger.storage;

import org.jspecify.annotations.NullMarked;
