/** REST: models, their upload (streamed multipart) and their files. */
package io.lotabots.model.api;
