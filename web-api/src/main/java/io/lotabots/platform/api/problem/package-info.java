/** RFC 9457 problem+json: one document shape and the exception mappers that produce it. */
package io.lotabots.platform.api.problem;
