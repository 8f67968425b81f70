package io.lotabots.model.api;

import static io.lotabots.platform.api.openapi.Schemas.file;
import static io.lotabots.platform.api.openapi.Schemas.object;
import static io.lotabots.platform.api.openapi.Schemas.ordered;
import static io.lotabots.platform.api.openapi.Schemas.ref;
import static io.lotabots.platform.api.openapi.Schemas.string;

import io.lotabots.platform.api.openapi.ContractContribution;
import io.lotabots.platform.api.openapi.HandBuiltBodies;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The model upload's body in the API contract: the resource reads the multipart stream by hand. */
public class ModelContract implements ContractContribution {

    static final String MODEL_UPLOAD = "ModelUpload";

    @Override
    public Map<String, Schema> shapes() {
        return Map.of(MODEL_UPLOAD, modelUpload());
    }

    @Override
    public boolean describe(Operation operation) {
        if (!"uploadModel".equals(operation.getOperationId())) {
            return false;
        }
        operation.setRequestBody(OASFactory.createRequestBody().content(OASFactory.createContent()));
        HandBuiltBodies.request(operation, HandBuiltBodies.MULTIPART, ref(MODEL_UPLOAD));
        operation.getRequestBody().required(true);
        return true;
    }

    private static Schema modelUpload() {
        return object(
                        List.of("name"),
                        ordered(
                                "name", string("What people call the model, 1 to 200 characters"),
                                "file", file("A single-file model (send file or archive)"),
                                "archive", file("A zip of the model's directory (send file or archive)")))
                .description("A model upload: its name and its content, streamed into storage as it arrives");
    }
}
