package io.lotabots.consent.boundary;

/**
 * A grant ({@code granted} true) or withdrawal as sent, unchecked. {@code policyVersion} is the version the
 * subject was shown; null means the purpose's current one.
 */
public record ConsentChange(String subject, String purpose, Boolean granted, Integer policyVersion) {}
