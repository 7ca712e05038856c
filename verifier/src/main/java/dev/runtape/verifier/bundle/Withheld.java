package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import java.util.Optional;

/**
 * A disclosure or artifact the manifest lists as withheld: not a failure. {@code kind} is the manifest's word
 * ("redacted", "erased", "policy"); {@code reason} the redaction's reason when the bundle carries it, from the
 * manifest or from a RedactionApplied statement.
 */
public record Withheld(String what, Digest digest, String kind, Optional<String> reason) {
}
