package dev.runtape.ledger.keys;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.SigningKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * Private keys in a PKCS#12 file (RFC 7292), as OpenSSL and keytool write them: the MAC is checked with the password
 * first, so a wrong password is told apart from a damaged file; then the key bags are decrypted and read as PKCS#8.
 */
final class Pkcs12Keys {

    /** Bouncy Castle's provider, used here only, never installed: PBES2 and the legacy PKCS#12 ciphers. */
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    /** One private key of the file and the alias (friendly name) it goes by, if any. */
    private record Entry(Optional<String> alias, PrivateKeyInfo key) {
    }

    private Pkcs12Keys() {
    }

    /**
     * The private key of the file: the one {@code alias} names, or the only one when no alias is given.
     *
     * @throws FormatException if the password is wrong, the file is not PKCS#12, it holds no private key, several
     *     and no alias, or none by that alias, or a key of an unsupported kind
     */
    static SigningKey decode(byte[] bytes, char[] password, Optional<String> alias) throws FormatException {
        List<Entry> entries = entries(bytes, password);
        if (entries.isEmpty()) {
            throw new FormatException("the PKCS#12 file holds no private key");
        }
        Entry chosen;
        if (alias.isPresent()) {
            chosen = entries.stream().filter(e -> e.alias().equals(alias)).findFirst().orElseThrow(() ->
                    new FormatException("no private key with alias \"" + alias.get() + "\" (aliases: "
                            + aliases(entries) + ")"));
        } else if (entries.size() == 1) {
            chosen = entries.getFirst();
        } else {
            throw new FormatException("the PKCS#12 file holds " + entries.size() + " private keys; name one by alias "
                    + "(aliases: " + aliases(entries) + ")");
        }
        return Pkcs8Keys.decode(chosen.key());
    }

    private static List<Entry> entries(byte[] bytes, char[] password) throws FormatException {
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(bytes);
        } catch (IOException | RuntimeException e) {
            throw new FormatException("not a PKCS#12 file: " + e.getMessage(), e);
        }
        try {
            if (pfx.hasMac() && !pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE),
                    password)) {
                throw new FormatException("wrong password: the PKCS#12 MAC does not verify");
            }
            InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(PROVIDER)
                    .build(password);
            List<Entry> entries = new ArrayList<>();
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory bags = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor)
                        : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    Object value = bag.getBagValue();
                    if (value instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        entries.add(new Entry(friendlyName(bag), encrypted.decryptPrivateKeyInfo(decryptor)));
                    } else if (value instanceof PrivateKeyInfo plain) {
                        entries.add(new Entry(friendlyName(bag), plain));
                    }
                }
            }
            return entries;
        } catch (PKCSException e) {
            throw new FormatException("cannot decrypt the PKCS#12 file (wrong password?): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new FormatException("malformed PKCS#12 file: " + e.getMessage(), e);
        }
    }

    private static Optional<String> friendlyName(PKCS12SafeBag bag) {
        for (Attribute attribute : bag.getAttributes()) {
            if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_friendlyName)) {
                ASN1Encodable name = attribute.getAttrValues().getObjectAt(0);
                return Optional.of(DERBMPString.getInstance(name).getString());
            }
        }
        return Optional.empty();
    }

    private static String aliases(List<Entry> entries) {
        return entries.stream().map(e -> e.alias().map(a -> "\"" + a + "\"").orElse("(none)")).toList().toString();
    }
}
