package io.lotabots.identity.bruteforce;

import io.lotabots.platform.cache.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.client.codec.StringCodec;

/**
 * Failure counters and lockouts in Redis, one round trip per call (two to lift a lock). Counters live in fixed windows
 * (the failure that creates a counter sets its TTL). Locked accounts of a tenant, and locked
 * addresses, are sorted sets scored by the lock's end (epoch millis), so a check is one ZSCORE and
 * admins list them without scanning the key space.
 */
@ApplicationScoped
public class FailureStore {

    private static final String COUNT_IN_WINDOW =
            """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""";

    @Inject
    RedisConnection redis;

    /** Failures counted so far and when each lock ends, for one subject. */
    record Standing(long failures, Instant lockedUntil) {
        static final Standing CLEAN = new Standing(0, null);

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The standing of each subject, in the order given; a null subject stands clean. */
    List<Standing> read(Subject... subjects) {
        return redis.call(client -> {
            var batch = client.createBatch();
            var failures = new RFuture<?>[subjects.length];
            var locks = new RFuture<?>[subjects.length];
            for (int i = 0; i < subjects.length; i++) {
                if (subjects[i] != null) {
                    failures[i] = batch.getAtomicLong(failuresKey(subjects[i])).getAsync();
                    locks[i] = batch.<String>getScoredSortedSet(lockSetKey(subjects[i]))
                            .getScoreAsync(subjects[i].name());
                }
            }
            batch.execute();
            var standings = new ArrayList<Standing>(subjects.length);
            for (int i = 0; i < subjects.length; i++) {
                standings.add(subjects[i] == null ? Standing.CLEAN : standing(failures[i], locks[i]));
            }
            return standings;
        });
    }

    /** Counts one failure against each subject; returns the totals in the window (0 for a null subject). */
    long[] countFailure(Duration window, Subject... subjects) {
        return count(window, subjects, this::failuresKey);
    }

    /** Counts one more lockout of a subject; returns how many it has had within the memory. */
    long countLockout(Subject subject, Duration memory) {
        return count(memory, new Subject[] {subject}, this::historyKey)[0];
    }

    /** Locks a subject until the lockout's end and starts its failure count afresh. */
    void lock(Subject subject, Instant until, Duration memory) {
        redis.call(client -> {
            var batch = client.createBatch();
            var locked = batch.<String>getScoredSortedSet(lockSetKey(subject));
            locked.addAsync(until.toEpochMilli(), subject.name());
            // no lock outlives the longest one: the set can go once that long has passed since the last lock
            locked.expireAsync(memory);
            batch.getKeys().deleteAsync(failuresKey(subject));
            return batch.execute();
        });
    }

    void forgetFailures(Subject subject) {
        redis.call(client -> client.getKeys().delete(failuresKey(subject)));
    }

    /** Lifts a subject's lock and forgets its failures and earlier lockouts; returns the lock's end, or null if none. */
    Instant unlock(Subject subject) {
        return redis.call(client -> {
            Double until =
                    client.<String>getScoredSortedSet(lockSetKey(subject)).getScore(subject.name());
            var batch = client.createBatch();
            batch.<String>getScoredSortedSet(lockSetKey(subject)).removeAsync(subject.name());
            batch.getKeys().deleteAsync(failuresKey(subject), historyKey(subject));
            batch.execute();
            return until == null ? null : Instant.ofEpochMilli(until.longValue());
        });
    }

    /** Lockouts of one scope (accounts of a tenant, or addresses) running now, soonest end first; ended ones are dropped. */
    List<Lockout> running(LockoutScope scope, String tenant, Instant now, int limit) {
        double nowMillis = now.toEpochMilli();
        String set = lockSetKey(scope, tenant);
        return redis.call(client -> {
            var locked = client.<String>getScoredSortedSet(set);
            locked.removeRangeByScore(Double.NEGATIVE_INFINITY, true, nowMillis, true);
            return locked.entryRange(nowMillis, false, Double.POSITIVE_INFINITY, true, 0, limit).stream()
                    .map(e -> new Lockout(
                            scope,
                            tenant,
                            e.getValue(),
                            Instant.ofEpochMilli(e.getScore().longValue())))
                    .toList();
        });
    }

    private long[] count(Duration ttl, Subject[] subjects, Function<Subject, String> key) {
        return redis.call(client -> {
            var batch = client.createBatch();
            RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
            var counts = new RFuture<?>[subjects.length];
            for (int i = 0; i < subjects.length; i++) {
                if (subjects[i] != null) {
                    String k = key.apply(subjects[i]);
                    counts[i] = script.evalAsync(
                            k,
                            RScript.Mode.READ_WRITE,
                            COUNT_IN_WINDOW,
                            RScript.ReturnType.INTEGER,
                            List.of(k),
                            Long.toString(ttl.toMillis()));
                }
            }
            batch.execute();
            var totals = new long[subjects.length];
            for (int i = 0; i < subjects.length; i++) {
                totals[i] = counts[i] == null ? 0 : ((Number) counts[i].getNow()).longValue();
            }
            return totals;
        });
    }

    private static Standing standing(RFuture<?> failures, RFuture<?> lock) {
        var until = (Double) lock.getNow();
        return new Standing(
                ((Number) failures.getNow()).longValue(),
                until == null ? null : Instant.ofEpochMilli(until.longValue()));
    }

    private String failuresKey(Subject s) {
        return key("failures", s);
    }

    private String historyKey(Subject s) {
        return key("lockouts", s);
    }

    private String key(String kind, Subject s) {
        return s.scope() == LockoutScope.ACCOUNT
                ? redis.key("bruteforce", kind, "account", s.tenant(), s.name())
                : redis.key("bruteforce", kind, "address", s.name());
    }

    private String lockSetKey(Subject s) {
        return lockSetKey(s.scope(), s.tenant());
    }

    private String lockSetKey(LockoutScope scope, String tenant) {
        return scope == LockoutScope.ACCOUNT
                ? redis.key("bruteforce", "locked-accounts", tenant)
                : redis.key("bruteforce", "locked-addresses");
    }
}
