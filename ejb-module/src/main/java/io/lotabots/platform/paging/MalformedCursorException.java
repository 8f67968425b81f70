package io.lotabots.platform.paging;

import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * A page cursor that this service did not issue (edited, truncated, or from another list): a refusal
 * of its own class only so that the filters naming their {@code cursor} field can tell it apart.
 */
@ApplicationException(rollback = true)
public class MalformedCursorException extends Refusal {

    private static final long serialVersionUID = 1L;

    public MalformedCursorException() {
        super(Refusal.builder(Kind.INVALID_INPUT, "malformed-cursor", "Invalid cursor")
                .detail("The cursor is not one this list issued; start again without a cursor."));
    }
}
