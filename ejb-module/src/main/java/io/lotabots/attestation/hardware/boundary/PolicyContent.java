package io.lotabots.attestation.hardware.boundary;

import java.util.List;
import java.util.Map;

/** The content of a policy version as a client sent it; nothing is checked yet. */
public record PolicyContent(
        String pcrSelection,
        Map<String, List<String>> referenceValues,
        Boolean eventLogRequired,
        List<String> trustedAkCas,
        List<String> trustedEkCas,
        Boolean enrolledDeviceRequired) {}
