package io.lotabots.audit.control;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;

/** Maps a checkpoint to the claims of its token and back. */
final class CheckpointClaims {

    private CheckpointClaims() {}

    static JWTClaimsSet of(Checkpoint checkpoint) {
        return new JWTClaimsSet.Builder()
                .claim("chain", checkpoint.chain())
                .claim("sequence", checkpoint.sequence())
                .claim("hash", checkpoint.hash())
                .claim("previousCheckpoint", checkpoint.previousCheckpoint())
                .claim("createdAt", checkpoint.createdAt().toString())
                .claim("eventCount", checkpoint.eventCount())
                .build();
    }

    static Checkpoint from(JWTClaimsSet claims) throws CheckpointRejectedException {
        try {
            return new Checkpoint(
                    required("chain", claims.getStringClaim("chain")),
                    required("sequence", claims.getLongClaim("sequence")),
                    required("hash", claims.getStringClaim("hash")),
                    claims.getStringClaim("previousCheckpoint"),
                    Instant.parse(required("createdAt", claims.getStringClaim("createdAt"))),
                    required("eventCount", claims.getLongClaim("eventCount")));
        } catch (ParseException | DateTimeException | IllegalArgumentException e) {
            throw new CheckpointRejectedException("checkpoint payload is malformed: " + e.getMessage(), e);
        }
    }

    private static <T> T required(String claim, T value) throws CheckpointRejectedException {
        if (value == null) {
            throw new CheckpointRejectedException("checkpoint payload has no " + claim);
        }
        return value;
    }
}
