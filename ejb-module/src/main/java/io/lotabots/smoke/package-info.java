/**
 * The smoke check: an operational self-test that walks a request through every real part (REST, EJB,
 * PostgreSQL, JMS, MDB, S3, Redis) the way an attestation job does.
 */
package io.lotabots.smoke;
