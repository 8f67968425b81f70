package io.lotabots.attestation.hardware.enrollment;

import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import io.lotabots.platform.refusal.FieldProblem;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A device enrollment request, validated: the EK (from its TPM2B_PUBLIC, or else the default EK
 * template around the key of its certificate or PEM), its certificate if sent, and an AK that is a
 * restricted signing key bound to its TPM. Keys sent more than one way must be the same key.
 */
public record EnrollmentInput(String name, TpmPublic ek, byte[] ekCertificate, TpmPublic ak) {

    public static final int MAX_NAME_LENGTH = 100;

    /** The validated input, or every problem found. */
    public static Result read(
            String name, String ekCertificate, String ekPublicKey, String ekPublicArea, String akPublicArea) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH)) {
            problems.add(new FieldProblem("name", "must be 1 to " + MAX_NAME_LENGTH + " characters"));
        }
        X509Certificate certificate = present(ekCertificate) ? certificate(ekCertificate, problems) : null;
        PublicKey pemKey = present(ekPublicKey) ? pemKey(ekPublicKey, problems) : null;
        TpmPublic area = present(ekPublicArea) ? publicArea("ekPublicArea", ekPublicArea, problems) : null;
        if (!present(ekCertificate) && !present(ekPublicKey) && !present(ekPublicArea)) {
            problems.add(
                    new FieldProblem("ekCertificate", "one of ekCertificate, ekPublicKey or ekPublicArea is required"));
        }
        TpmPublic ek = endorsementKey(certificate, pemKey, area, problems);
        TpmPublic ak = null;
        if (!present(akPublicArea)) {
            problems.add(
                    new FieldProblem("akPublicArea", "is required (base64 of tpm2_createak -u / tpm2_readpublic -o)"));
        } else {
            ak = publicArea("akPublicArea", akPublicArea, problems);
            if (ak != null && !ak.attributes().attestationKey()) {
                problems.add(new FieldProblem(
                        "akPublicArea",
                        "must be a restricted signing key with fixedTPM and without decrypt (objectAttributes "
                                + ak.attributes() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        try {
            return new Result(
                    new EnrollmentInput(name, ek, certificate == null ? null : certificate.getEncoded(), ak),
                    List.of());
        } catch (CertificateEncodingException e) {
            return new Result(null, List.of(new FieldProblem("ekCertificate", "cannot be encoded again")));
        }
    }

    /** Either the input or the problems that kept it from being one. */
    public record Result(EnrollmentInput input, List<FieldProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private static TpmPublic endorsementKey(
            X509Certificate certificate, PublicKey pemKey, TpmPublic area, List<FieldProblem> problems) {
        if (area != null) {
            if (!area.attributes().restricted()
                    || !area.attributes().decrypt()
                    || area.symmetric().isNull()) {
                problems.add(new FieldProblem(
                        "ekPublicArea", "must be a restricted decryption (storage) key with a symmetric algorithm"));
                return null;
            }
            sameKey(area, certificate == null ? null : certificate.getPublicKey(), "ekCertificate", problems);
            sameKey(area, pemKey, "ekPublicKey", problems);
            return area;
        }
        PublicKey key = certificate != null ? certificate.getPublicKey() : pemKey;
        if (key == null) {
            return null;
        }
        if (certificate != null && pemKey != null && !certificate.getPublicKey().equals(pemKey)) {
            problems.add(new FieldProblem("ekPublicKey", "is not the key of ekCertificate"));
        }
        try {
            return EkTemplate.of(key);
        } catch (MalformedEvidenceException e) {
            problems.add(new FieldProblem(certificate != null ? "ekCertificate" : "ekPublicKey", e.getMessage()));
            return null;
        }
    }

    private static void sameKey(TpmPublic area, PublicKey other, String field, List<FieldProblem> problems) {
        try {
            if (other != null && !area.publicKey().equals(other)) {
                problems.add(new FieldProblem(field, "is not the key of ekPublicArea"));
            }
        } catch (MalformedEvidenceException e) {
            problems.add(new FieldProblem("ekPublicArea", e.getMessage()));
        }
    }

    private static X509Certificate certificate(String text, List<FieldProblem> problems) {
        try {
            List<X509Certificate> certificates = Certificates.parse(text);
            if (certificates.size() != 1) {
                problems.add(new FieldProblem("ekCertificate", "must be one certificate, not " + certificates.size()));
                return null;
            }
            return certificates.get(0);
        } catch (MalformedEvidenceException e) {
            problems.add(
                    new FieldProblem("ekCertificate", "is not one PEM or base64 DER certificate: " + e.getMessage()));
            return null;
        }
    }

    private static PublicKey pemKey(String pem, List<FieldProblem> problems) {
        try {
            return PublicKeys.fromPem(pem);
        } catch (MalformedEvidenceException e) {
            problems.add(new FieldProblem("ekPublicKey", e.getMessage()));
            return null;
        }
    }

    private static TpmPublic publicArea(String field, String base64, List<FieldProblem> problems) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "is not base64"));
            return null;
        }
        try {
            TpmPublic area = TpmPublic.parse(bytes);
            area.publicKey();
            return area;
        } catch (MalformedEvidenceException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
