/**
 * The JAX-RS application and what every resource shares: the caller ({@code Callers}), page links
 * ({@code PageResponse}), version tags ({@code VersionTag}), path ids ({@code PathIds}).
 */
package io.lotabots.platform.api;
