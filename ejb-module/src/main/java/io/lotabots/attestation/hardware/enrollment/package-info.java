/** Device enrollment: the EK and AK a device presents, and TPM2_MakeCredential for the credential activation that binds them. */
package io.lotabots.attestation.hardware.enrollment;
