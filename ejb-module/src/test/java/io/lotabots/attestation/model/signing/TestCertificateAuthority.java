package io.lotabots.attestation.model.signing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate authority made up in a test (Bouncy Castle), issuing CA and model-signing certificates. */
final class TestCertificateAuthority {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final AtomicLong SERIALS = new AtomicLong(1);

    final X509Certificate certificate;
    final KeyPair keys;

    private TestCertificateAuthority(X509Certificate certificate, KeyPair keys) {
        this.certificate = certificate;
        this.keys = keys;
    }

    static TestCertificateAuthority root(String name) {
        KeyPair keys = TestSigningKeys.generate(EcdsaCurve.P384);
        X500Name subject = new X500Name("CN=" + name);
        return new TestCertificateAuthority(
                build(subject, keys, subject, keys.getPublic(), Usage.CA, years(-1), years(10)), keys);
    }

    TestCertificateAuthority intermediate(String name) {
        KeyPair child = TestSigningKeys.generate(EcdsaCurve.P384);
        return new TestCertificateAuthority(
                build(name(), keys, new X500Name("CN=" + name), child.getPublic(), Usage.CA, years(-1), years(5)),
                child);
    }

    X509Certificate leaf(String name, PublicKey key) {
        return leaf(name, key, Usage.DIGITAL_SIGNATURE, NOW.minus(Duration.ofDays(1)), years(1));
    }

    X509Certificate leaf(String name, PublicKey key, Usage usage, Instant notBefore, Instant notAfter) {
        return build(name(), keys, new X500Name("CN=" + name), key, usage, notBefore, notAfter);
    }

    enum Usage {
        CA,
        DIGITAL_SIGNATURE,
        CODE_SIGNING_ONLY,
        KEY_ENCIPHERMENT_ONLY
    }

    private X500Name name() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static Instant years(int years) {
        return NOW.plus(Duration.ofDays(365L * years));
    }

    private static X509Certificate build(
            X500Name issuer,
            KeyPair issuerKeys,
            X500Name subject,
            PublicKey key,
            Usage usage,
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
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(usage == Usage.CA));
            switch (usage) {
                case CA -> builder.addExtension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                case DIGITAL_SIGNATURE -> builder.addExtension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                case CODE_SIGNING_ONLY -> builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
                case KEY_ENCIPHERMENT_ONLY -> builder.addExtension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(
                            new JcaContentSignerBuilder("SHA384withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
