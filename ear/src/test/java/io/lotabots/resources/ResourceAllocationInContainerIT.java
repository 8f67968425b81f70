package io.lotabots.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.Eventually;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container (Arquillian): the allocation API a verification job calls, exercised where the job will call
 * it, on the application's deployed EJB: parallel allocations never pass the concurrent-jobs quota, a spent
 * daily CPU budget refuses with the time until it renews, releases free slots and charge CPU, the lease
 * timer reclaims allocations whose short lease ran out, jobs allocating and releasing all at once reuse the
 * tenant's job slots without ever running more than the quota, and a lowered quota admits no job until fewer
 * than it run.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceAllocationInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "resources-it.war")
                .addClasses(DeployedAllocations.class, DeployedAllocations.Refused.class, Eventually.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void parallelAllocationsNeverPassTheConcurrentJobsQuota() throws Exception {
        UUID tenant = tenantWithQuota(3, 3600);
        var allocations = new DeployedAllocations();
        ManagedExecutorService pool =
                (ManagedExecutorService) new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
        var start = new CountDownLatch(1);
        List<Future<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(pool.submit((Callable<String>) () -> {
                start.await();
                try {
                    return allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5));
                } catch (DeployedAllocations.Refused refused) {
                    return refused.quota;
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (var attempt : attempts) {
            outcomes.add(attempt.get());
        }

        assertEquals(3, outcomes.stream().filter("ACTIVE"::equals).count(), outcomes.toString());
        assertEquals(13, outcomes.stream().filter("concurrent-jobs"::equals).count(), outcomes.toString());
        assertEquals(3, allocations.running(tenant));
        assertEquals(
                3,
                count(
                        "select count(*) from lotabots.resource_allocation where tenant_id = ? and status = 'ACTIVE'",
                        tenant));
        assertEquals(
                13,
                count(
                        "select count(*) from lotabots.audit_event where tenant_id = ?"
                                + " and action = 'resources.quota.refused'",
                        tenant));
    }

    @Test
    void parallelAllocationsUnderALargeQuotaAddOnlyAboutTheSlotsTheyTake() throws Exception {
        UUID tenant = tenantWithQuota(100_000, 3600);
        var allocations = new DeployedAllocations();
        ManagedExecutorService pool =
                (ManagedExecutorService) new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
        var start = new CountDownLatch(1);
        List<Future<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(pool.submit((Callable<String>) () -> {
                start.await();
                return allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5));
            }));
        }
        start.countDown();
        for (var attempt : attempts) {
            assertEquals("ACTIVE", attempt.get());
        }

        assertEquals(16, allocations.running(tenant));
        // slots grow by doubling: a submission that waited for another's growth takes its slots first
        long slots = count("select count(*) from lotabots.resource_slot where tenant_id = ?", tenant);
        assertTrue(slots >= 16 && slots <= 32, slots + " slots for 16 jobs");
    }

    @Test
    void releasingFreesTheSlotAndAnAllocationIsIdempotentPerJob() throws Exception {
        UUID tenant = tenantWithQuota(1, 3600);
        var allocations = new DeployedAllocations();
        UUID job = UUID.randomUUID();

        assertEquals("ACTIVE", allocations.allocate(tenant, job, Duration.ofMinutes(5)));
        assertEquals("ACTIVE", allocations.allocate(tenant, job, Duration.ofMinutes(5)), "the same job again");
        assertEquals(1, allocations.running(tenant));
        assertRefused("concurrent-jobs", () -> allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));
        assertTrue(allocations.renew(job, Duration.ofMinutes(10)));

        assertTrue(allocations.release(job, Duration.ofMillis(1500)));
        assertFalse(allocations.release(job, Duration.ofMillis(1500)), "released once only");
        assertFalse(allocations.renew(job, Duration.ofMinutes(1)));

        assertEquals("RELEASED", allocations.status(job));
        assertEquals("ACTIVE", allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));
        assertEquals(1500, cpuCharged(tenant));
    }

    @Test
    void aSpentDailyCpuBudgetRefusesUntilTheNextUtcDay() throws Exception {
        UUID tenant = tenantWithQuota(5, 2);
        var allocations = new DeployedAllocations();
        UUID job = UUID.randomUUID();
        allocations.allocate(tenant, job, Duration.ofMinutes(5));
        allocations.release(job, Duration.ofMillis(2500));

        var refused = assertRefused(
                "cpu-seconds-per-day", () -> allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));

        long untilMidnight = Duration.between(
                        Instant.now(),
                        Instant.now()
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()
                                .plusDays(1)
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant())
                .toSeconds();
        assertTrue(
                Math.abs(refused.retryAfterSeconds - untilMidnight) <= 5,
                refused.retryAfterSeconds + " vs " + untilMidnight);
        assertTrue(refused.getMessage().contains("2.500"), refused.getMessage());
    }

    @Test
    void theLeaseTimerReclaimsAnAllocationWhoseShortLeaseRanOutAndFreesItsSlot() throws Exception {
        UUID tenant = tenantWithQuota(1, 3600);
        var allocations = new DeployedAllocations();
        UUID job = UUID.randomUUID();
        allocations.allocate(tenant, job, Duration.ofSeconds(2));
        assertRefused("concurrent-jobs", () -> allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));

        Eventually.await(
                Duration.ofSeconds(90),
                () -> allocations.status(job),
                "RECLAIMED"::equals,
                "the lease timer to reclaim job " + job);

        assertEquals(0, allocations.running(tenant));
        assertEquals("ACTIVE", allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));
        assertFalse(allocations.renew(job, Duration.ofMinutes(1)), "a reclaimed job cannot renew");
        assertTrue(allocations.release(job, Duration.ofMillis(700)), "its CPU is still charged");
        assertEquals(700, cpuCharged(tenant));
    }

    @Test
    void manyJobsAllocatingAndReleasingAtOnceNeverRunMoreThanTheQuotaAndReuseTheSlots() throws Exception {
        UUID tenant = tenantWithQuota(3, 3600);
        var allocations = new DeployedAllocations();
        ManagedExecutorService pool =
                (ManagedExecutorService) new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
        var start = new CountDownLatch(1);
        List<Future<int[]>> workers = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            workers.add(pool.submit((Callable<int[]>) () -> {
                start.await();
                int admitted = 0;
                int refused = 0;
                for (int i = 0; i < 15; i++) {
                    UUID job = UUID.randomUUID();
                    try {
                        allocations.allocate(tenant, job, Duration.ofMinutes(5));
                        admitted++;
                        assertTrue(allocations.release(job, Duration.ofMillis(10)));
                    } catch (DeployedAllocations.Refused e) {
                        assertEquals("concurrent-jobs", e.quota, e.getMessage());
                        refused++;
                    }
                }
                return new int[] {admitted, refused};
            }));
        }
        start.countDown();
        long most = 0;
        int samples = 0;
        while (!workers.stream().allMatch(Future::isDone)) {
            most = Math.max(most, activeOf(tenant));
            samples++;
        }
        int admitted = 0;
        int refused = 0;
        for (var worker : workers) {
            admitted += worker.get()[0];
            refused += worker.get()[1];
        }

        assertTrue(most <= 3, most + " jobs ran at once in " + samples + " samples");
        assertEquals(180, admitted + refused);
        assertTrue(admitted > 3, "freed slots are taken again: " + admitted + " admitted");
        assertEquals(0, activeOf(tenant));
        assertTrue(
                count("select count(*) from lotabots.resource_slot where tenant_id = ?", tenant) <= 3,
                "no slot beyond the quota");
        assertEquals(
                0,
                count(
                        "select count(*) from lotabots.resource_slot where tenant_id = ? and allocation_id is not null",
                        tenant));
        assertEquals(admitted * 10L, cpuCharged(tenant), "every release charged its CPU once");
        assertEquals(
                refused,
                count(
                        "select count(*) from lotabots.audit_event where tenant_id = ?"
                                + " and action = 'resources.quota.refused'",
                        tenant));
    }

    @Test
    void aLoweredQuotaKeepsTheRunningJobsAndAdmitsNoneUntilFewerThanItRun() throws Exception {
        UUID tenant = tenantWithQuota(4, 3600);
        var allocations = new DeployedAllocations();
        List<UUID> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(UUID.randomUUID());
            assertEquals("ACTIVE", allocations.allocate(tenant, jobs.get(i), Duration.ofMinutes(5)));
        }
        assertTrue(allocations.release(jobs.get(0), Duration.ZERO));

        allocations.changeQuota(tenant, 2, 3600);

        assertEquals(3, allocations.running(tenant));
        assertRefused("concurrent-jobs", () -> allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));
        assertTrue(allocations.release(jobs.get(1), Duration.ZERO));
        assertRefused("concurrent-jobs", () -> allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));
        assertTrue(allocations.release(jobs.get(2), Duration.ZERO));
        assertEquals(1, allocations.running(tenant));
        assertEquals("ACTIVE", allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));
        assertRefused("concurrent-jobs", () -> allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));
        assertEquals(2, count("select count(*) from lotabots.resource_slot where tenant_id = ?", tenant));

        allocations.changeQuota(tenant, 3, 3600);
        assertEquals("ACTIVE", allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)), "raised again");
        assertRefused("concurrent-jobs", () -> allocations.allocate(tenant, UUID.randomUUID(), Duration.ofMinutes(5)));
        assertEquals(3, allocations.running(tenant));
    }

    private static long activeOf(UUID tenant) throws Exception {
        return count(
                "select count(*) from lotabots.resource_allocation where tenant_id = ? and status = 'ACTIVE'", tenant);
    }

    private static long cpuCharged(UUID tenant) throws Exception {
        return count(
                "select coalesce(sum(cpu_millis), 0) from lotabots.resource_cpu_charge where tenant_id = ?", tenant);
    }

    private static DeployedAllocations.Refused assertRefused(String quota, Runnable call) {
        try {
            call.run();
        } catch (DeployedAllocations.Refused refused) {
            assertEquals(quota, refused.quota, refused.getMessage());
            return refused;
        }
        throw new AssertionError("not refused by " + quota);
    }

    /** A tenant of its own with these job limits (stored bytes: plenty). */
    private static UUID tenantWithQuota(int concurrentJobs, long cpuSecondsPerDay) throws Exception {
        UUID tenant = UUID.randomUUID();
        try (Connection db = database().getConnection()) {
            update(
                    db,
                    "insert into lotabots.tenant (id, name, created_at) values (?, ?, ?)",
                    tenant,
                    "allocations-" + tenant.toString().substring(0, 8),
                    Timestamp.from(Instant.now()));
            update(
                    db,
                    "insert into lotabots.resource_quota (tenant_id, max_model_bytes, max_concurrent_jobs,"
                            + " max_cpu_seconds_per_day, updated_at, updated_by) values (?, ?, ?, ?, ?, 'test')",
                    tenant,
                    1_000_000L,
                    concurrentJobs,
                    cpuSecondsPerDay,
                    Timestamp.from(Instant.now()));
        }
        return tenant;
    }

    private static long count(String sql, UUID tenant) throws Exception {
        try (Connection db = database().getConnection();
                var q = db.prepareStatement(sql)) {
            q.setObject(1, tenant);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (var q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            q.executeUpdate();
        }
    }

    private static DataSource database() throws Exception {
        return (DataSource) new InitialContext().lookup("jdbc/lotabots");
    }
}
