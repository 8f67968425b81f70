/**
 * The job transport: the embedded messaging engine of each server (the default) or one RabbitMQ queue
 * shared by the cluster, chosen by {@code lotabots.attestation.transport} (docs/architecture.md,
 * Hardware attestation: the job; docs/operations.md, Running a cluster).
 */
package io.lotabots.platform.messaging;
