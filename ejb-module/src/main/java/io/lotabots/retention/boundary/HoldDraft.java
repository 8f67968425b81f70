package io.lotabots.retention.boundary;

/** A hold as asked for: scope tenant, subject or object; subject, objectType and objectId as the scope needs. */
public record HoldDraft(String scope, String subject, String objectType, String objectId, String reason) {}
