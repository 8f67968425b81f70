package io.lotabots.retention.control;

import io.lotabots.retention.entity.HeldObjectType;
import java.util.UUID;

/** An object a hold may cover: its type, id, and the data subject who submitted or owns it (may be null). */
public record HeldObject(HeldObjectType type, UUID id, String owner) {}
