package io.lotabots.model.api;

import java.io.IOException;

/**
 * The upload's body is not the multipart/form-data it claims to be (or it broke off). Checked, so that it
 * crosses the EJB boundary as it is and the resource answers 400.
 */
class MalformedFormException extends IOException {

    private static final long serialVersionUID = 1L;

    MalformedFormException(String message, Throwable cause) {
        super(message, cause);
    }
}
