package io.lotabots.resources.entity;

/** ACTIVE while the job runs; RELEASED when it ended; RECLAIMED when its lease ran out first. */
public enum AllocationStatus {
    ACTIVE,
    RELEASED,
    RECLAIMED
}
