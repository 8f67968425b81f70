/** Dependency health as the rest of the application sees it. */
package io.lotabots.platform.health.boundary;
