package io.lotabots.attestation.hardware.tpm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate authority made up in a test: issues CA and leaf certificates with Bouncy Castle. */
public final class TestAuthority {

    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final AtomicLong SERIALS = new AtomicLong(1);

    public final X509Certificate certificate;
    public final KeyPair keys;

    private TestAuthority(X509Certificate certificate, KeyPair keys) {
        this.certificate = certificate;
        this.keys = keys;
    }

    public static TestAuthority root(String name) {
        KeyPair keys = PublicAreas.newEcKeyPair("secp256r1");
        X509Certificate certificate = build(
                new X500Name("CN=" + name),
                keys,
                new X500Name("CN=" + name),
                keys.getPublic(),
                true,
                NOW.minus(Duration.ofDays(365)),
                NOW.plus(Duration.ofDays(3650)));
        return new TestAuthority(certificate, keys);
    }

    public TestAuthority intermediate(String name) {
        KeyPair child = PublicAreas.newEcKeyPair("secp256r1");
        X509Certificate issued = build(
                subject(),
                keys,
                new X500Name("CN=" + name),
                child.getPublic(),
                true,
                NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(1000)));
        return new TestAuthority(issued, child);
    }

    public X509Certificate leaf(String name, PublicKey key) {
        return leaf(name, key, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    }

    public X509Certificate leaf(String name, PublicKey key, Instant notBefore, Instant notAfter) {
        return build(subject(), keys, new X500Name("CN=" + name), key, false, notBefore, notAfter);
    }

    private X500Name subject() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static X509Certificate build(
            X500Name issuer,
            KeyPair issuerKeys,
            X500Name subject,
            PublicKey key,
            boolean ca,
            Instant notBefore,
            Instant notAfter) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(SERIALS.getAndIncrement()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.keyEncipherment));
            X509CertificateHolder holder =
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A leaf that is not DER, as some TPM vendors ship: its serial number has redundant leading
     * zero bytes (signed over exactly those bytes) and the outer SEQUENCE a padded long-form length.
     */
    public byte[] nonStrictLeaf(String name, PublicKey key) {
        try {
            byte[] tbs = leafTbs(name, key);
            // TBSCertificate ::= SEQUENCE { [0] version (a0 03 02 01 02), serialNumber INTEGER, ... }
            int serialAt = headerLength(tbs) + 5;
            int serialLength = tbs[serialAt + 1];
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            content.write(tbs, headerLength(tbs), 5);
            content.write(0x02);
            content.write(serialLength + 2);
            content.write(0);
            content.write(0);
            content.write(tbs, serialAt + 2, tbs.length - serialAt - 2);
            byte[] lenientTbs = sequence(content.toByteArray());
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(lenientTbs);
            byte[] signature = signer.sign();
            byte[] algorithm = {0x30, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
            ByteArrayOutputStream certificate = new ByteArrayOutputStream();
            certificate.write(lenientTbs);
            certificate.write(algorithm);
            certificate.write(0x03);
            certificate.write(length(signature.length + 1));
            certificate.write(0);
            certificate.write(signature);
            byte[] body = certificate.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x30);
            out.write(0x84);
            out.write(0);
            out.write(0);
            out.write(body.length >>> 8);
            out.write(body.length);
            out.write(body);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] leafTbs(String name, PublicKey key) throws Exception {
        return leaf(name, key).getTBSCertificate();
    }

    public static String pem(X509Certificate... certificates) {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                text.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    private static int headerLength(byte[] der) {
        return (der[1] & 0x80) == 0 ? 2 : 2 + (der[1] & 0x7f);
    }

    private static byte[] sequence(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(content.length));
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >>> 8), (byte) length};
    }
}
