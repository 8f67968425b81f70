package io.lotabots.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, version 1. Bearer tokens are verified by {@code identity.api.BearerAuthentication}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "LotaBots API",
                        version = "v1",
                        description = "Hardware and AI-model attestation, encrypted evidence, audit trail. "
                                + "Errors are RFC 9457 application/problem+json."))
public class ApiApplication extends Application {}
