package io.lotabots.devservices;

/** Where a dependency the server uses comes from. */
enum Origin {
    /** Configured by the developer through an environment variable; left alone. */
    EXTERNAL,
    /** Already running on this machine on its standard port. */
    MACHINE,
    /** Started by dev-services, with its data under the data directory. */
    EMBEDDED
}
