package dev.runtape.cbor;

import java.security.SecureRandom;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The hash codes of CBOR values: SipHash-2-4 under a key drawn at random once per JVM.
 *
 * <p>Decoded map keys go into hash tables, and the hash codes Java gives strings, big integers, byte arrays, lists
 * and maps are easy to make collide ("Aa" and "BB", or any two maps that differ by entries turned round). A map of a
 * few ten thousand such keys would make decoding quadratic: seconds to minutes for a few hundred kilobytes. Under a
 * secret key the sender cannot choose collisions. Equal values still hash alike, within one JVM.
 */
final class KeyedHash {

    private static final KeyParameter KEY;

    static {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        KEY = new KeyParameter(key);
    }

    private final SipHash mac = new SipHash();

    private KeyedHash(int domain) {
        mac.init(KEY);
        mac.update((byte) domain);
    }

    /** A hash of a value of one kind, told apart from other kinds by {@code domain}. */
    static KeyedHash start(int domain) {
        return new KeyedHash(domain);
    }

    KeyedHash add(byte[] bytes) {
        mac.update(bytes, 0, bytes.length);
        return this;
    }

    KeyedHash add(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            mac.update((byte) (c >>> 8));
            mac.update((byte) c);
        }
        return this;
    }

    KeyedHash add(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (value >>> shift));
        }
        return this;
    }

    KeyedHash add(int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            mac.update((byte) (value >>> shift));
        }
        return this;
    }

    long finishLong() {
        return mac.doFinal();
    }

    int finish() {
        long hash = mac.doFinal();
        return (int) (hash ^ (hash >>> 32));
    }
}
