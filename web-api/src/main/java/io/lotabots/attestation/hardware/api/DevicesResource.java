package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.boundary.DeviceView;
import io.lotabots.attestation.hardware.boundary.Devices;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PageResponse;
import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Device enrollment, Keylime-style: the server binds an AK to an EK with MakeCredential, and the
 * device proves both live in one TPM by returning the secret TPM2_ActivateCredential recovered.
 */
@ApplicationScoped
@Path("devices")
@Tag(name = "Hardware attestation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "ADMIN"})
public class DevicesResource {

    @EJB
    Devices devices;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "enrollDevice",
            summary = "Enroll a device",
            description = "Send the EK (ekCertificate, ekPublicKey or ekPublicArea; a certificate or key is taken to be"
                    + " the default EK template, RSA-2048 or ECC P-256) and the AK's TPM2B_PUBLIC (a restricted,"
                    + " fixedTPM signing key). Answers MakeCredential's output for the AK's name: write `credential`"
                    + " (base64-decoded) to a file and run `tpm2_activatecredential -c ak.ctx -C ek.ctx -i file -o"
                    + " secret -P session:…`, then POST the secret to /devices/{id}/activation before"
                    + " activationExpiresAt.")
    @APIResponse(
            responseCode = "201",
            description = "Enrolled, pending activation; Location set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "enrolled",
                                            value = "{\"id\": \"0d9c6f0e-8f4b-4a57-9a43-3b8f1a1f2c11\", \"status\":"
                                                    + " \"PENDING_ACTIVATION\", \"akName\": \"000b4511cf09…\","
                                                    + " \"activationExpiresAt\": \"2026-11-26T12:15:00Z\","
                                                    + " \"credentialBlob\": \"AEQAIIVm6ZkY…\", \"encryptedSecret\":"
                                                    + " \"AQBh2…\", \"credential\": \"utzA3gAAAAEARAAg…\"}")))
    @APIResponse(
            responseCode = "400",
            description = "Missing or malformed EK/AK, or an AK that is no attestation key (errors[])")
    @APIResponse(responseCode = "409", description = "This AK is already enrolled in a device that is not retired")
    public Response enroll(@Valid @NotNull EnrollmentRequest request) {
        var enrolled = devices.enroll(Callers.of(security), request.toEnrollment());
        var location = uriInfo.getAbsolutePathBuilder()
                .path(enrolled.device().id().toString())
                .build();
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(location)
                .cacheControl(noStore)
                .entity(EnrollmentResponse.of(enrolled))
                .build();
    }

    @POST
    @Path("{id}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "activateDevice",
            summary = "Activate a device",
            description =
                    "The secret tpm2_activatecredential recovered, base64. Right: the device is ACTIVE. Wrong: 400"
                            + " and one attempt fewer (lotabots.devices.activation.max-attempts, default 5); after that, or"
                            + " after activationExpiresAt, the enrollment is spent (409): retire and enroll again.")
    @APIResponse(responseCode = "200", description = "The device, ACTIVE")
    @APIResponse(responseCode = "400", description = "Wrong secret (attemptsLeft in detail) or not base64")
    @APIResponse(responseCode = "404", description = "No such device in your tenant")
    @APIResponse(responseCode = "409", description = "Not pending activation, expired, or no attempts left")
    public DeviceView activate(@PathParam("id") String id, @Valid @NotNull ActivationRequest request) {
        UUID deviceId = PathIds.parse(id, "device");
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(request.secret().strip());
        } catch (IllegalArgumentException e) {
            devices.find(Callers.of(security), deviceId);
            throw Refusal.invalidField("secret", "is not base64");
        }
        return devices.activate(Callers.of(security), deviceId, secret);
    }

    @GET
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "listDevices",
            summary = "List devices",
            description = "In enrollment order, retired ones included; follow next.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    public PageResponse<DeviceView> list(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return PageResponse.of(devices.page(Callers.of(security), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(operationId = "getDevice", summary = "Read a device")
    @APIResponse(responseCode = "200", description = "The device")
    @APIResponse(responseCode = "404", description = "No such device in your tenant")
    public DeviceView get(@PathParam("id") String id) {
        return devices.find(Callers.of(security), PathIds.parse(id, "device"));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "retireDevice",
            summary = "Retire a device",
            description = "Its quotes no longer count as an enrolled device's; idempotent.")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such device in your tenant")
    public Response retire(@PathParam("id") String id) {
        devices.retire(Callers.of(security), PathIds.parse(id, "device"));
        return Response.noContent().build();
    }
}
