package io.lotabots.retention.entity;

/** The kinds of object a hold of scope OBJECT can name. */
public enum HeldObjectType {
    DOCUMENT,
    MODEL,
    ATTESTATION
}
