/** HTTP details both web modules share (the API and the console), free of any servlet or JAX-RS type. */
package io.lotabots.platform.http;
