/**
 * Where the bytes a model check reads come from (a stored file, a slice of it, a decompressed member) and
 * the bounds-checked reader every parser uses, so no parser reads past what it was given.
 */
package io.lotabots.attestation.model.source;
