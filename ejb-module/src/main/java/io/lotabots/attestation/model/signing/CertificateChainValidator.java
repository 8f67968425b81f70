package io.lotabots.attestation.model.signing;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The certificate method's trust: the bundle's chain (leaf first) must lead to a CA the tenant trusts, validated
 * by the JDK's PKIX {@link CertPathValidator} at the verification time (no revocation checking: model_signing
 * does none either), and the leaf must be meant for signing (key usage digitalSignature, or extended key usage
 * codeSigning, as model_signing requires).
 */
final class CertificateChainValidator {

    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final int DIGITAL_SIGNATURE = 0;

    private CertificateChainValidator() {}

    /** The validated leaf. */
    static X509Certificate validate(List<X509Certificate> chain, List<X509Certificate> anchors, Instant at)
            throws SignatureRejection {
        X509Certificate leaf = chain.get(0);
        String leafName = leaf.getSubjectX500Principal().getName();
        if (anchors.isEmpty()) {
            throw untrusted("the signing certificate " + leafName + " cannot be trusted: the tenant trusts no CA");
        }
        try {
            leaf.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            throw SignatureRejection.invalid(
                    SignatureRules.CERTIFICATE_EXPIRED,
                    "the signing certificate " + leafName + " expired at "
                            + leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw SignatureRejection.invalid(
                    SignatureRules.CERTIFICATE_NOT_YET_VALID,
                    "the signing certificate " + leafName + " is valid only from "
                            + leaf.getNotBefore().toInstant());
        }
        List<X509Certificate> path = pathToAnchor(chain, anchors);
        Set<TrustAnchor> trustAnchors = new HashSet<>();
        anchors.forEach(anchor -> trustAnchors.add(new TrustAnchor(anchor, null)));
        try {
            PKIXParameters parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            String where = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? " at " + path.get(e.getIndex()).getSubjectX500Principal().getName()
                    : "";
            throw untrusted("the signing certificate " + leafName + " does not chain to a CA the tenant trusts ("
                    + e.getMessage() + where + ")");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw untrusted("the signing certificate chain of " + leafName + " cannot be validated: " + e.getMessage());
        }
        requireSigningUsage(leaf, leafName);
        return leaf;
    }

    private static void requireSigningUsage(X509Certificate leaf, String leafName) throws SignatureRejection {
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && keyUsage.length > DIGITAL_SIGNATURE && keyUsage[DIGITAL_SIGNATURE]) {
            return;
        }
        try {
            List<String> extended = leaf.getExtendedKeyUsage();
            if (extended != null && extended.contains(CODE_SIGNING)) {
                return;
            }
        } catch (CertificateParsingException e) {
            // an unreadable extended key usage grants nothing
        }
        throw SignatureRejection.invalid(
                SignatureRules.CERTIFICATE_USAGE,
                "the signing certificate " + leafName
                        + " allows neither digitalSignature key usage nor codeSigning extended key usage");
    }

    /**
     * The leaf and the bundle's certificates that issued it, in order, up to one a trusted CA issued: PKIX wants
     * the path ordered and without the anchor. An issuer is matched by name and by its key verifying the
     * signature, since model_signing's own test chain gives leaf and intermediate the same subject.
     */
    private static List<X509Certificate> pathToAnchor(List<X509Certificate> chain, List<X509Certificate> anchors) {
        List<X509Certificate> path = new ArrayList<>(List.of(chain.get(0)));
        X509Certificate current = chain.get(0);
        while (path.size() < chain.size() && issuerAmong(current, anchors) == null) {
            X509Certificate issuer = issuerAmong(current, chain);
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
            if (candidate != subject
                    && candidate.getSubjectX500Principal().equals(subject.getIssuerX500Principal())
                    && signedBy(subject, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate subject, X509Certificate issuer) {
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static SignatureRejection untrusted(String detail) {
        return SignatureRejection.invalid(SignatureRules.CERTIFICATE_UNTRUSTED, detail);
    }
}
