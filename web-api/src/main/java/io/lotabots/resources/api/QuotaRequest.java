package io.lotabots.resources.api;

import io.lotabots.resources.boundary.QuotaChange;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New limits for a tenant; every field is required (0 forbids the resource). */
@Schema(description = "A tenant's quotas; all three are required, whole numbers")
public record QuotaRequest(
        @Schema(description = "Bytes of models the tenant may keep stored", minimum = "0", maximum = "9007199254740991")
                BigDecimal storedModelBytes,
        @Schema(description = "Verification jobs the tenant may run at once", minimum = "0", maximum = "100000")
                BigDecimal concurrentJobs,
        @Schema(
                        description = "CPU-seconds the tenant's verification jobs may use per UTC day",
                        minimum = "0",
                        maximum = "1000000000")
                BigDecimal cpuSecondsPerDay) {

    QuotaChange toChange() {
        return new QuotaChange(storedModelBytes, concurrentJobs, cpuSecondsPerDay);
    }
}
