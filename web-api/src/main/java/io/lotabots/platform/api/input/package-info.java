/**
 * What every request passes before a resource sees it: bodies, query parameters and headers are
 * checked once here, and bad input becomes a 4xx problem naming the field, parameter or header.
 */
package io.lotabots.platform.api.input;
