package io.lotabots.platform.api.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Turns a failure to bind the request body into the caller's 400. Done here, around reading, so a
 * JSON failure while writing a response stays the server error it is.
 */
@Provider
public class MalformedBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (JsonbException | JsonException e) {
            var tooLarge = PayloadTooLarge.findIn(e);
            throw tooLarge != null ? tooLarge : MalformedBody.refusal();
        } catch (BadRequestException e) {
            // the JSON-P provider (JsonObject parameters) wraps its parse failure in a plain 400
            if (!causedByJson(e)) {
                throw e;
            }
            var tooLarge = PayloadTooLarge.findIn(e);
            throw tooLarge != null ? tooLarge : MalformedBody.refusal();
        }
    }

    private static boolean causedByJson(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException || cause instanceof JsonbException) {
                return true;
            }
        }
        return false;
    }
}
