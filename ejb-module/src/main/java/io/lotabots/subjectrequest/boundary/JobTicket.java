package io.lotabots.subjectrequest.boundary;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.subjectrequest.entity.RequestType;
import java.util.UUID;

/**
 * A claimed attempt of a request's job: whose data, how far it got, and who it works for (the requester of
 * an export, the approver of an erasure), whose name its audit events carry.
 */
public record JobTicket(
        UUID id, UUID tenantId, RequestType type, String subject, int attempt, int stepsDone, Caller actor) {}
