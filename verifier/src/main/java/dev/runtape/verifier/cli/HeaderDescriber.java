package dev.runtape.verifier.cli;

import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.keys.SignatureAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a COSE header map one parameter a line, naming the labels and algorithms it knows. */
final class HeaderDescriber {

    private static final Map<Long, String> HEADER_NAMES = Map.of(
            HeaderLabels.ALG, "alg",
            HeaderLabels.CRIT, "crit",
            HeaderLabels.CONTENT_TYPE, "content type",
            HeaderLabels.KID, "kid",
            HeaderLabels.CWT_CLAIMS, "CWT claims",
            HeaderLabels.RECEIPTS, "receipts",
            HeaderLabels.VDS, "vds",
            HeaderLabels.VDP, "vdp");

    /** RFC 8392 claim keys. */
    private static final Map<Long, String> CLAIM_NAMES = Map.of(
            1L, "iss", 2L, "sub", 3L, "aud", 4L, "exp", 5L, "nbf", 6L, "iat", 7L, "cti");

    private HeaderDescriber() {
    }

    static List<String> describe(CborMap header) {
        List<String> lines = new ArrayList<>();
        header.entries().forEach((label, value) -> lines.add(name(label, HEADER_NAMES) + ": " + render(label, value)));
        return lines;
    }

    private static String render(CborValue label, CborValue value) {
        if (isLabel(label, HeaderLabels.ALG) && value instanceof CborInteger id && id.fitsLong()) {
            return value + SignatureAlgorithm.ofCoseId(id.longValueExact()).map(a -> " (" + a.joseName() + ")").orElse("");
        }
        if (isLabel(label, HeaderLabels.CWT_CLAIMS) && value instanceof CborMap claims) {
            List<String> parts = new ArrayList<>();
            claims.entries().forEach((claim, claimValue) -> parts.add(name(claim, CLAIM_NAMES) + ": " + claimValue));
            return "{" + String.join(", ", parts) + "}";
        }
        return value.toString();
    }

    private static String name(CborValue label, Map<Long, String> names) {
        if (label instanceof CborInteger i && i.fitsLong() && names.containsKey(i.longValueExact())) {
            return names.get(i.longValueExact()) + " (" + label + ")";
        }
        return label.toString();
    }

    private static boolean isLabel(CborValue label, long expected) {
        return label instanceof CborInteger i && i.fitsLong() && i.longValueExact() == expected;
    }
}
