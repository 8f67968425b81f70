package io.lotabots.attestation.model.boundary;

import java.util.List;

/** The content of a model policy version as a client sent it; nothing is checked yet. */
public record ModelPolicyContent(
        List<String> trustedKeys,
        List<String> trustedCas,
        Boolean signatureRequired,
        Boolean suspiciousPasses,
        List<String> allowedFormats,
        Long maxSizeBytes) {}
