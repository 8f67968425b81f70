package io.lotabots.attestation.hardware.control;

/** One invalid input field of a request and what is wrong with it, in words the caller can act on. */
public record FieldProblem(String field, String message) {}
