package dev.runtape.api.commands;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.OpenedDisclosure;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a true retry from an event id reused for other content: the retried command's payload against the payload
 * its event id already stored. Disclosures are salted afresh on every request, so two references are the same
 * content when the values they disclose are equal; a value already redacted cannot be compared and is taken as the
 * same. At the top, only the members both payloads have are compared (an event may carry members its command does
 * not); below it, maps must have the same members.
 */
final class SameContent {

    private final Disclosures disclosures;

    SameContent(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    /** Whether {@code retried} asks for what {@code stored} recorded. */
    boolean matches(CborMap stored, CborMap retried) throws ContentStoreException {
        for (Map.Entry<CborValue, CborValue> member : retried.entries().entrySet()) {
            Optional<CborValue> before = stored.get(member.getKey());
            if (before.isPresent() && !same(before.get(), member.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean same(CborValue stored, CborValue retried) throws ContentStoreException {
        if (stored.equals(retried)) {
            return true;
        }
        if (stored instanceof CborMap a && retried instanceof CborMap b) {
            Optional<Digest> first = reference(a);
            Optional<Digest> second = reference(b);
            if (first.isPresent() && second.isPresent()) {
                return sameDisclosed(first.get(), second.get());
            }
            if (!a.entries().keySet().equals(b.entries().keySet())) {
                return false;
            }
            for (Map.Entry<CborValue, CborValue> member : b.entries().entrySet()) {
                if (!same(a.get(member.getKey()).orElseThrow(), member.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (stored instanceof CborArray a && retried instanceof CborArray b) {
            List<CborValue> left = a.items();
            List<CborValue> right = b.items();
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!same(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The digest of a content-ref map ({@code {"digest": h'..', ? "media-type", ? "size"}}), if it is one. */
    private static Optional<Digest> reference(CborMap map) {
        Optional<CborValue> digest = map.get("digest");
        if (digest.isEmpty() || !(digest.get() instanceof CborByteString bytes) || bytes.length() != Digest.LENGTH
                || map.size() > 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Digest.of(bytes.bytes()));
        } catch (FormatException e) {
            return Optional.empty();
        }
    }

    private boolean sameDisclosed(Digest stored, Digest retried) throws ContentStoreException {
        try {
            OpenedDisclosure before = disclosures.open(ContentRef.of(stored));
            OpenedDisclosure now = disclosures.open(ContentRef.of(retried));
            if (before instanceof OpenedDisclosure.Revealed a && now instanceof OpenedDisclosure.Revealed b) {
                return a.disclosure().value().equals(b.disclosure().value());
            }
            return before instanceof OpenedDisclosure.Withheld;
        } catch (FormatException e) {
            // Not a disclosure under that digest (an artifact, say): the digests differ, so the contents do.
            return false;
        }
    }
}
