/** Infrastructure shared by every business component: storage, cache, clock, schema, health. */
package io.lotabots.platform;
