/** The JAX-RS application and what every resource shares. */
package io.lotabots.platform.api;
