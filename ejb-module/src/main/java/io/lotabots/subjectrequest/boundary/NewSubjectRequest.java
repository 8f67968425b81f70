package io.lotabots.subjectrequest.boundary;

/** What a filer sends: the type (export, erasure, rectification), whose data, and what it is about. */
public record NewSubjectRequest(String type, String subject, String description) {}
