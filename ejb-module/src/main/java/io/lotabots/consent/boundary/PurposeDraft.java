package io.lotabots.consent.boundary;

import java.util.List;

/** A new purpose as the caller sent it, unchecked; its first policy text comes with it. */
public record PurposeDraft(
        String code,
        String name,
        String description,
        String legalBasis,
        List<String> requiredFor,
        String policyText,
        String policyUrl) {}
