package io.lotabots.subjectrequest.boundary;

/** The list's filters: state and type (names, any case), and the subject; each may be null. */
public record RequestFilter(String state, String type, String subject) {}
