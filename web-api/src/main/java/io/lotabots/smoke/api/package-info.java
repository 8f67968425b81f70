/** REST resources of the smoke check. */
package io.lotabots.smoke.api;
