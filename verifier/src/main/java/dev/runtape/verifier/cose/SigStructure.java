package dev.runtape.verifier.cose;

import dev.runtape.cbor.CborEncoder;
import dev.runtape.cbor.CborTextString;
import java.io.ByteArrayOutputStream;

/**
 * The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4):
 * {@code ["Signature1", body_protected, external_aad, payload]}, written directly so that a large payload is copied
 * once.
 */
final class SigStructure {

    private static final byte ARRAY_OF_FOUR = (byte) 0x84;
    private static final byte[] CONTEXT = new CborTextString("Signature1").encode();

    private SigStructure() {
    }

    static byte[] toBeSigned(ProtectedHeader header, byte[] externalAad, byte[] payload) {
        byte[] protectedBytes = header.signedBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                32 + CONTEXT.length + protectedBytes.length + externalAad.length + payload.length);
        out.write(ARRAY_OF_FOUR);
        out.writeBytes(CONTEXT);
        writeByteString(out, protectedBytes);
        writeByteString(out, externalAad);
        writeByteString(out, payload);
        return out.toByteArray();
    }

    private static void writeByteString(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(CborEncoder.byteStringHead(bytes.length));
        out.writeBytes(bytes);
    }
}
