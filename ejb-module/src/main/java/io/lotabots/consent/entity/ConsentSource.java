package io.lotabots.consent.entity;

/** How a consent change reached the platform: the subject themself, an officer recording one, the console. */
public enum ConsentSource {
    SELF_SERVICE,
    RECORDED,
    CONSOLE
}
