package io.lotabots.resources.console;

import io.lotabots.platform.console.ByteSizes;
import io.lotabots.resources.boundary.QuotaView;
import java.util.List;

/** One line of the quotas table: what is limited, how much is in use, the limit, and what the use counts. */
record QuotaRow(String quota, String used, String limit, String note) {

    static List<QuotaRow> of(QuotaView view) {
        var usage = view.usage();
        var limits = view.limits();
        return List.of(
                new QuotaRow(
                        "Stored model bytes",
                        ByteSizes.of(usage.storedModelBytes() + usage.reservedModelBytes()),
                        ByteSizes.of(limits.storedModelBytes()),
                        usage.reservedModelBytes() == 0
                                ? ""
                                : ByteSizes.of(usage.reservedModelBytes()) + " of it reserved by uploads in progress"),
                new QuotaRow(
                        "Concurrent verification jobs",
                        Long.toString(usage.concurrentJobs()),
                        Integer.toString(limits.concurrentJobs()),
                        ""),
                new QuotaRow(
                        "Verification CPU-seconds today (UTC)",
                        usage.cpuSecondsToday().toPlainString(),
                        Long.toString(limits.cpuSecondsPerDay()),
                        "renews at " + view.cpuDayEndsAt()));
    }
}
