/** AI-model attestation's own rows: the tenants' model policy names and their immutable versions. */
package io.lotabots.attestation.model.entity;
