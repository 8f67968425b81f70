package io.lotabots.attestation.hardware.policy;

import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import io.lotabots.attestation.hardware.tpm.PcrSelection;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.platform.refusal.FieldProblem;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The content of a hardware policy version as a client sent it, validated and made canonical: the
 * selection in tpm2-tools syntax, reference values keyed {@code bank:index} with lower-case hex of
 * the bank's digest length, and CA certificates parsed.
 */
public record PolicyDraft(
        String pcrSelection,
        Map<String, Set<String>> referenceValues,
        boolean eventLogRequired,
        List<X509Certificate> trustedAkCas,
        List<X509Certificate> trustedEkCas,
        boolean enrolledDeviceRequired) {

    public static final Pattern NAME = io.lotabots.attestation.policy.PolicyNames.NAME;
    public static final int MAX_VALUES_PER_PCR = 64;

    /** The content of the built-in {@code default} policy: PCRs 0-7 of sha256, nothing else required. */
    public static final PolicyDraft DEFAULT =
            new PolicyDraft("sha256:0,1,2,3,4,5,6,7", Map.of(), false, List.of(), List.of(), false);

    public PolicyDraft {
        referenceValues = Map.copyOf(referenceValues);
        trustedAkCas = List.copyOf(trustedAkCas);
        trustedEkCas = List.copyOf(trustedEkCas);
    }

    /** Validates every field and reports every problem; {@code null} flags mean false. */
    public static Result read(
            String pcrSelection,
            Map<String, List<String>> referenceValues,
            Boolean eventLogRequired,
            List<String> trustedAkCas,
            List<String> trustedEkCas,
            Boolean enrolledDeviceRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        PcrSelection selection = null;
        try {
            selection = PcrSelection.parse(pcrSelection);
        } catch (MalformedEvidenceException e) {
            problems.add(new FieldProblem("pcrSelection", e.getMessage()));
        }
        Map<String, Set<String>> values =
                referenceValues(selection, referenceValues == null ? Map.of() : referenceValues, problems);
        List<X509Certificate> akCas = certificates("trustedAkCas", trustedAkCas, problems);
        List<X509Certificate> ekCas = certificates("trustedEkCas", trustedEkCas, problems);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(
                new PolicyDraft(
                        selection.toString(),
                        values,
                        Boolean.TRUE.equals(eventLogRequired),
                        akCas,
                        ekCas,
                        Boolean.TRUE.equals(enrolledDeviceRequired)),
                List.of());
    }

    /** Either the draft or why it is not one. */
    public record Result(PolicyDraft draft, List<FieldProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    public HardwarePolicy toPolicy(String name, int version) {
        return new HardwarePolicy(
                name,
                version,
                pcrSelection,
                referenceValues,
                eventLogRequired,
                trustedAkCas,
                trustedEkCas,
                enrolledDeviceRequired);
    }

    private static Map<String, Set<String>> referenceValues(
            PcrSelection selection, Map<String, List<String>> input, List<FieldProblem> problems) {
        Map<String, Set<String>> values = new TreeMap<>();
        input.forEach((key, digests) -> {
            String field = "referenceValues." + key;
            String[] parts = key.split(":", -1);
            TpmHash bank = parts.length == 2 ? TpmHash.ofBankName(parts[0]).orElse(null) : null;
            Integer index = parts.length == 2 && parts[1].matches("\\d{1,2}") ? Integer.valueOf(parts[1]) : null;
            if (bank == null || index == null) {
                problems.add(new FieldProblem(field, "keys are bank:index, such as sha256:7"));
                return;
            }
            if (selection != null && !selection.contains(bank, index)) {
                problems.add(
                        new FieldProblem(field, "PCR " + index + " of " + bank.bankName() + " is not in pcrSelection"));
                return;
            }
            if (digests == null || digests.isEmpty() || digests.size() > MAX_VALUES_PER_PCR) {
                problems.add(new FieldProblem(field, "needs 1 to " + MAX_VALUES_PER_PCR + " allowed digests"));
                return;
            }
            Set<String> allowed = new LinkedHashSet<>();
            for (String digest : digests) {
                String hex = digest == null ? "" : digest.strip().toLowerCase(Locale.ROOT);
                if (hex.length() != bank.digestSize() * 2 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
                    problems.add(new FieldProblem(
                            field,
                            "'" + digest + "' is not " + bank.digestSize() * 2 + " hex digits (a " + bank.bankName()
                                    + " digest)"));
                    return;
                }
                allowed.add(hex);
            }
            values.put(bank.bankName() + ":" + index, Set.copyOf(allowed));
        });
        return values;
    }

    private static List<X509Certificate> certificates(String field, List<String> pems, List<FieldProblem> problems) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (pems == null) {
            return certificates;
        }
        for (int i = 0; i < pems.size(); i++) {
            try {
                certificates.addAll(Certificates.parse(pems.get(i)));
            } catch (MalformedEvidenceException e) {
                problems.add(new FieldProblem(field + "[" + i + "]", e.getMessage()));
            }
        }
        if (certificates.size() > Certificates.MAX_CERTIFICATES) {
            problems.add(new FieldProblem(field, "at most " + Certificates.MAX_CERTIFICATES + " certificates"));
        }
        return certificates;
    }
}
