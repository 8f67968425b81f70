package io.lotabots.platform.encryption.api;

/** What a rotation did: the new current version and how many data keys were re-wrapped under it. */
public record RotationView(int version, long rewrapped) {}
