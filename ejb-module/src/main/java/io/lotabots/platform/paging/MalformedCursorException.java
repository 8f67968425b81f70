package io.lotabots.platform.paging;

import jakarta.ejb.ApplicationException;

/** A page cursor that this service did not issue (edited, truncated, or from another list). */
@ApplicationException(rollback = true)
public class MalformedCursorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedCursorException() {
        super("The cursor is not one this list issued; start again without a cursor.");
    }
}
