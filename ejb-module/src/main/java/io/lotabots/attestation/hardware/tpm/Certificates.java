package io.lotabots.attestation.hardware.tpm;

import io.lotabots.platform.crypto.BouncyCastle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.util.Properties;

/**
 * X.509 certificates as clients send them (PEM with one or many certificates, DER, or base64 DER),
 * parsed with Bouncy Castle because TPM vendors' EK certificates are often not strict DER, and PKIX
 * chain validation to given trust anchors at a given time (no revocation checking).
 */
public final class Certificates {

    /** Enough for leaf, intermediates and a root; a longer list is not a certificate chain. */
    public static final int MAX_CERTIFICATES = 16;

    private static final int MAX_PATH_LENGTH = 8;
    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");
    private static final String UNSAFE_INTEGER = "org.bouncycastle.asn1.allow_unsafe_integer";

    private Certificates() {}

    /** Every certificate in PEM text, or the one certificate of DER or base64 DER bytes. */
    public static List<X509Certificate> parse(byte[] pemOrDer) {
        if (pemOrDer == null || pemOrDer.length == 0) {
            throw malformed("no certificate bytes");
        }
        if (pemOrDer[0] == 0x30) {
            return List.of(parseDer(pemOrDer));
        }
        String text = new String(pemOrDer, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN")) {
            return parsePem(text);
        }
        return List.of(parseDer(base64(text.strip(), "base64 DER")));
    }

    /** {@link #parse(byte[])} of text (a JSON field: PEM or base64 DER). */
    public static List<X509Certificate> parse(String pemOrBase64) {
        return parse(pemOrBase64 == null ? null : pemOrBase64.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** Exactly one certificate. */
    public static X509Certificate parseOne(byte[] pemOrDer) {
        List<X509Certificate> certificates = parse(pemOrDer);
        if (certificates.size() != 1) {
            throw malformed("expected one certificate, found " + certificates.size());
        }
        return certificates.get(0);
    }

    /** PEM text of the certificates, one block each, as their original encoding. */
    public static String toPem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate certificate : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate has an encoding", e);
            }
        }
        return pem.toString();
    }

    private static List<X509Certificate> parsePem(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_BLOCK.matcher(text);
        while (block.find()) {
            if (certificates.size() == MAX_CERTIFICATES) {
                throw malformed("more than " + MAX_CERTIFICATES + " certificates");
            }
            certificates.add(parseDer(
                    base64(block.group(1).replaceAll("\\s", ""), "PEM certificate " + (certificates.size() + 1))));
        }
        if (certificates.isEmpty()) {
            throw malformed("no complete BEGIN/END CERTIFICATE block");
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate parseDer(byte[] der) {
        // Vendors' EK certificates carry integers with redundant leading bytes; Bouncy Castle
        // refuses them unless told otherwise for this thread.
        Properties.setThreadOverride(UNSAFE_INTEGER, true);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            if (certificate == null) {
                throw malformed("no certificate in the DER bytes");
            }
            return certificate;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof MalformedEvidenceException malformed) {
                throw malformed;
            }
            throw new MalformedEvidenceException("X.509: not a certificate (" + e.getMessage() + ")", e);
        } finally {
            Properties.removeThreadOverride(UNSAFE_INTEGER);
        }
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed(what + " is not base64");
        }
    }

    private static MalformedEvidenceException malformed(String problem) {
        return new MalformedEvidenceException("X.509: " + problem);
    }

    /**
     * Whether {@code leaf} chains through some of {@code intermediates} (in any order) to one of
     * {@code anchors}, every certificate valid at {@code at}; revocation is not checked.
     */
    public static ChainValidation validate(
            X509Certificate leaf, List<X509Certificate> intermediates, List<X509Certificate> anchors, Instant at) {
        if (anchors.isEmpty()) {
            return ChainValidation.untrusted("no trust anchors are configured");
        }
        List<X509Certificate> path = pathToAnchor(leaf, intermediates, anchors);
        Set<TrustAnchor> trustAnchors = new HashSet<>();
        anchors.forEach(anchor -> trustAnchors.add(new TrustAnchor(anchor, null)));
        try {
            PKIXParameters parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
            CertPathValidator.getInstance("PKIX", BouncyCastle.PROVIDER)
                    .validate(factory.generateCertPath(path), parameters);
            return ChainValidation.trusted(path.size());
        } catch (CertPathValidatorException e) {
            String where = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? " (at " + path.get(e.getIndex()).getSubjectX500Principal().getName() + ")"
                    : "";
            return ChainValidation.untrusted(e.getMessage() + where);
        } catch (GeneralSecurityException e) {
            return ChainValidation.untrusted(e.getMessage());
        }
    }

    /** Orders the path leaf-first by issuer name and signature; stops where an anchor issued the last one. */
    private static List<X509Certificate> pathToAnchor(
            X509Certificate leaf, List<X509Certificate> intermediates, List<X509Certificate> anchors) {
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (path.size() < MAX_PATH_LENGTH && issuerAmong(current, anchors) == null) {
            X509Certificate issuer = issuerAmong(current, intermediates);
            if (issuer == null || path.contains(issuer)) {
                break;
            }
            path.add(issuer);
            current = issuer;
        }
        return path;
    }

    private static X509Certificate issuerAmong(X509Certificate subject, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(subject.getIssuerX500Principal())
                    && signedBy(subject, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate subject, X509Certificate issuer) {
        try {
            subject.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
