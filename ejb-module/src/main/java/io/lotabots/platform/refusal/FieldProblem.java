package io.lotabots.platform.refusal;

/** One input field at fault and what is wrong with it, in words for the person who filled it in. */
public record FieldProblem(String field, String message) {}
