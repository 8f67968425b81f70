/** Smoke-check logic behind the boundary: the job queue and the result document. */
package io.lotabots.smoke.control;
