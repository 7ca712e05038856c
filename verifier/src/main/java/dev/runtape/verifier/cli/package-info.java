/**
 * {@code runtape-verify}, the offline verifier's command line. Exit status 0 means valid, 1 not valid (the reason
 * on one line), 2 a usage or input error (an unreadable file, a key that cannot be parsed, a bad option).
 */
@NullMarked
package dev.runtape.verifier.cli;

import org.jspecify.annotations.NullMarked;
