/**
 * The {@code runtape} command line: {@code serve}, and the client subcommands that talk to a running service over
 * HTTP ({@code keys}, {@code append}, {@code tail}). Exit status: 0 done, 1 the server refused or could not be
 * reached (the problem's title and detail on stderr), 2 a usage or input error.
 */
@NullMarked
package dev.runtape.api.cli;

import org.jspecify.annotations.NullMarked;
