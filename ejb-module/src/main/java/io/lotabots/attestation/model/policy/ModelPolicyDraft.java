package io.lotabots.attestation.model.policy;

import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.signing.SignatureTrust;
import io.lotabots.platform.refusal.FieldProblem;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A model policy's content, checked and made canonical: keys as SubjectPublicKeyInfo PEM blocks and
 * certificates as PEM blocks (re-encoded from what was parsed, so text around them is dropped), formats
 * in lower case and sorted.
 */
public record ModelPolicyDraft(
        List<String> trustedKeys,
        List<String> trustedCas,
        boolean signatureRequired,
        boolean suspiciousPasses,
        Set<String> allowedFormats,
        Long maxSizeBytes) {

    public static final int MAX_PEMS = 16;

    /** The formats a policy may name: the scanner's, in lower case. */
    public static final Set<String> FORMATS = Arrays.stream(ModelFormat.values())
            .map(f -> f.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    /** The content of every tenant's {@code default} model policy: no signature required, nothing suspicious passes. */
    public static final ModelPolicyDraft DEFAULT =
            new ModelPolicyDraft(List.of(), List.of(), false, false, Set.of(), null);

    public ModelPolicyDraft {
        trustedKeys = List.copyOf(trustedKeys);
        trustedCas = List.copyOf(trustedCas);
        allowedFormats = Set.copyOf(allowedFormats);
    }

    /** What {@link #read} made of the content: a draft, or every problem found. */
    public record Result(ModelPolicyDraft draft, List<FieldProblem> problems) {}

    /** Validates every field and reports every problem; {@code null} flags mean false. */
    public static Result read(
            List<String> trustedKeys,
            List<String> trustedCas,
            Boolean signatureRequired,
            Boolean suspiciousPasses,
            List<String> allowedFormats,
            Long maxSizeBytes) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> cas = new ArrayList<>();
        pems("trustedKeys", trustedKeys, problems, (pem, field) -> {
            for (PublicKey key : SignatureTrust.fromPem(List.of(pem), List.of()).publicKeys()) {
                keys.add(pem("PUBLIC KEY", key.getEncoded()));
            }
        });
        pems("trustedCas", trustedCas, problems, (pem, field) -> {
            for (X509Certificate ca :
                    SignatureTrust.fromPem(List.of(), List.of(pem)).certificateAuthorities()) {
                try {
                    cas.add(pem("CERTIFICATE", ca.getEncoded()));
                } catch (CertificateEncodingException e) {
                    throw new IllegalArgumentException("the certificate cannot be encoded", e);
                }
            }
        });
        Set<String> formats = new TreeSet<>();
        if (allowedFormats != null) {
            for (int i = 0; i < allowedFormats.size(); i++) {
                String format = allowedFormats.get(i);
                String known = format == null ? null : format.toLowerCase(Locale.ROOT);
                if (known == null || !FORMATS.contains(known)) {
                    problems.add(
                            new FieldProblem("allowedFormats[" + i + "]", "must be one of " + new TreeSet<>(FORMATS)));
                } else {
                    formats.add(known);
                }
            }
        }
        if (maxSizeBytes != null && maxSizeBytes <= 0) {
            problems.add(new FieldProblem("maxSizeBytes", "must be a positive number of bytes"));
        }
        if (Boolean.TRUE.equals(signatureRequired) && problems.isEmpty() && keys.isEmpty() && cas.isEmpty()) {
            problems.add(new FieldProblem(
                    "signatureRequired", "needs at least one trusted key or CA: no signature could pass"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(
                new ModelPolicyDraft(
                        keys,
                        cas,
                        Boolean.TRUE.equals(signatureRequired),
                        Boolean.TRUE.equals(suspiciousPasses),
                        formats,
                        maxSizeBytes),
                List.of());
    }

    private interface PemReader {
        void read(String pem, String field);
    }

    private static void pems(String field, List<String> texts, List<FieldProblem> problems, PemReader reader) {
        if (texts == null) {
            return;
        }
        if (texts.size() > MAX_PEMS) {
            problems.add(new FieldProblem(field, "must hold at most " + MAX_PEMS + " items"));
            return;
        }
        for (int i = 0; i < texts.size(); i++) {
            String item = field + "[" + i + "]";
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                problems.add(new FieldProblem(item, "must be PEM text"));
                continue;
            }
            try {
                reader.read(text, item);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(item, e.getMessage()));
            }
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
