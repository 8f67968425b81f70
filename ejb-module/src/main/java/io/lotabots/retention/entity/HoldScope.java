package io.lotabots.retention.entity;

/** What a legal hold covers: the whole tenant, what one data subject submitted or owns, or one object. */
public enum HoldScope {
    TENANT,
    SUBJECT,
    OBJECT
}
