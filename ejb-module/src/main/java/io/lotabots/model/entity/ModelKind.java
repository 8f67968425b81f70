package io.lotabots.model.entity;

/** How a model was uploaded: one file, or a directory of files sent as a zip archive. */
public enum ModelKind {
    FILE,
    DIRECTORY
}
