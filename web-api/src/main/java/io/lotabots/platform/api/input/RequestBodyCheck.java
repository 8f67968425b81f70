package io.lotabots.platform.api.input;

import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every request body passes here before it is bound: JSON ({@link JsonBodyCheck}), form-encoded
 * ({@link FormEncoding}) and multipart bodies (a boundary, readable parts, each part named). A body
 * refused here reaches no resource, so nothing is stored. Bodies are already bounded by
 * {@code RequestSizeLimit}, so reading one whole is safe.
 */
@Provider
@Priority(Priorities.ENTITY_CODER - 100)
public class RequestBodyCheck implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return checkAndRead(context);
        } catch (InvalidInput e) {
            throw e.toRefusal();
        }
    }

    private static Object checkAndRead(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (isJson(type) && context.getType() != java.io.InputStream.class) {
            // a stream is content to store (a document's), read by the resource as it arrives, never bound
            byte[] body = context.getInputStream().readAllBytes();
            JsonBodyCheck.check(body, context.getGenericType());
            context.setInputStream(new ByteArrayInputStream(body));
            return context.proceed();
        }
        if (type != null
                && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && context.getType() != String.class) {
            byte[] body = context.getInputStream().readAllBytes();
            var errors = FormEncoding.problems(new String(body, StandardCharsets.ISO_8859_1));
            if (!errors.isEmpty()) {
                throw Refusal.invalidInput(errors);
            }
            context.setInputStream(new ByteArrayInputStream(body));
            return context.proceed();
        }
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return multipart(context, type);
        }
        return context.proceed();
    }

    private static Object multipart(ReaderInterceptorContext context, MediaType type) throws IOException {
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isBlank() || boundary.length() > 70) {
            throw InvalidInput.field(
                    "Content-Type", "multipart/form-data needs a boundary parameter of 1 to 70 characters");
        }
        Object parts;
        try {
            parts = context.proceed();
        } catch (WebApplicationException | Refusal e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw InvalidInput.unreadableBody(
                    "The body is not valid multipart/form-data.",
                    "body",
                    "is not multipart/form-data with boundary " + InvalidInput.printable(boundary));
        }
        if (parts instanceof List<?> list) {
            List<FieldProblem> errors = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof EntityPart part
                        && (part.getName() == null || part.getName().isBlank())) {
                    errors.add(
                            new FieldProblem("parts[" + i + "]", "needs Content-Disposition: form-data; name=\"…\""));
                }
            }
            if (!errors.isEmpty()) {
                throw Refusal.invalidInput(errors);
            }
        }
        return parts;
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                        || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }
}
