package io.lotabots.attestation.model.policy;

import io.lotabots.attestation.model.signing.SignatureTrust;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a model policy's lists are stored: PEM blocks one after the other (each canonical, as {@link
 * ModelPolicyDraft} wrote it) and format names separated by spaces.
 */
public final class ModelPolicyText {

    private static final String END = "-----END ";

    private ModelPolicyText() {}

    public static String pems(List<String> blocks) {
        return String.join("", blocks);
    }

    public static String formats(Set<String> formats) {
        return String.join(" ", new TreeSet<>(formats));
    }

    /** Each stored PEM block on its own. */
    public static List<String> blocks(String pems) {
        List<String> blocks = new ArrayList<>();
        int start = 0;
        while (start < pems.length()) {
            int end = pems.indexOf(END, start);
            int lineEnd = end < 0 ? -1 : pems.indexOf('\n', end);
            if (lineEnd < 0) {
                throw new IllegalStateException("stored PEM text is not canonical");
            }
            blocks.add(pems.substring(start, lineEnd + 1));
            start = lineEnd + 1;
        }
        return blocks;
    }

    public static List<String> formats(String formats) {
        return formats.isEmpty() ? List.of() : Arrays.asList(formats.split(" "));
    }

    /** The stored version as the appraiser applies it. */
    public static ModelPolicy policy(
            String name,
            int version,
            String trustedKeys,
            String trustedCas,
            boolean signatureRequired,
            boolean suspiciousPasses,
            String allowedFormats,
            Long maxSizeBytes) {
        return new ModelPolicy(
                name,
                version,
                SignatureTrust.fromPem(
                        trustedKeys.isEmpty() ? List.of() : List.of(trustedKeys),
                        trustedCas.isEmpty() ? List.of() : List.of(trustedCas)),
                signatureRequired,
                suspiciousPasses,
                Set.copyOf(formats(allowedFormats)),
                maxSizeBytes);
    }
}
