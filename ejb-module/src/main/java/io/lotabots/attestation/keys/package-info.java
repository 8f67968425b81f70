/** The ES256 key that signs attestation results (EAR tokens). */
package io.lotabots.attestation.keys;
