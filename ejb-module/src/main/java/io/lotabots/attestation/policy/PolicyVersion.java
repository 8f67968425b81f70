package io.lotabots.attestation.policy;

/** A policy name and version: what a submission pins and what a verdict records. */
public record PolicyVersion(String name, int version) {}
