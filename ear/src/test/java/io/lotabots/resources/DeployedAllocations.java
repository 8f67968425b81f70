package io.lotabots.resources;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The application's own {@code ResourceAllocations} EJB as deployed in the server, looked up by its global
 * name and called by reflection: its classes live in the EAR's class loader, so the test archive holds no
 * copy of them and tests exactly what runs. Arguments and answers are JDK types.
 */
final class DeployedAllocations {

    static final String NAME =
            "java:global/lotabots/lotabots-ejb/ResourceAllocations!io.lotabots.resources.boundary.ResourceAllocations";

    /** What a refusal carried: the quota's name and the Retry-After it asked for. */
    static final class Refused extends RuntimeException {
        final String quota;
        final long retryAfterSeconds;

        Refused(String quota, long retryAfterSeconds, String message) {
            super(message);
            this.quota = quota;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    static final String QUOTAS =
            "java:global/lotabots/lotabots-ejb/ResourceQuotas!io.lotabots.resources.boundary.ResourceQuotas";

    private final Object bean;
    private final Object quotas;

    DeployedAllocations() throws NamingException {
        this.bean = new InitialContext().lookup(NAME);
        this.quotas = new InitialContext().lookup(QUOTAS);
    }

    /** Sets the tenant's limits as the platform operator would (plenty of stored bytes). */
    void changeQuota(UUID tenantId, int concurrentJobs, long cpuSecondsPerDay) {
        try {
            Class<?> change =
                    quotas.getClass().getClassLoader().loadClass("io.lotabots.resources.boundary.QuotaChange");
            Object limits = change.getMethod("of", long.class, long.class, long.class)
                    .invoke(null, 1_000_000L, concurrentJobs, cpuSecondsPerDay);
            quotas.getClass()
                    .getMethod("changeOfTenant", UUID.class, change, Long.class)
                    .invoke(quotas, tenantId, limits, null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The allocation's status, or throws {@link Refused}. */
    String allocate(UUID tenantId, UUID jobId, Duration lease) {
        Object allocation =
                call("allocate", new Class<?>[] {UUID.class, UUID.class, Duration.class}, tenantId, jobId, lease);
        return String.valueOf(property(allocation, "status"));
    }

    boolean release(UUID jobId, Duration cpu) {
        return (Boolean) call("release", new Class<?>[] {UUID.class, Duration.class}, jobId, cpu);
    }

    boolean renew(UUID jobId, Duration lease) {
        return (Boolean) call("renew", new Class<?>[] {UUID.class, Duration.class}, jobId, lease);
    }

    long running(UUID tenantId) {
        return (Long) call("running", new Class<?>[] {UUID.class}, tenantId);
    }

    /** The status of the job's latest allocation, or null. */
    String status(UUID jobId) {
        var found = (java.util.Optional<?>) call("find", new Class<?>[] {UUID.class}, jobId);
        return found.map(a -> String.valueOf(property(a, "status"))).orElse(null);
    }

    private Object call(String name, Class<?>[] types, Object... arguments) {
        try {
            Method method = bean.getClass().getMethod(name, types);
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause.getClass().getSimpleName().equals("QuotaExceededException")) {
                Object quota = property(cause, "quota");
                throw new Refused(
                        String.valueOf(property(quota, "label")),
                        (Long) property(cause, "retryAfterSeconds"),
                        cause.getMessage());
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object property(Object target, String accessor) {
        try {
            Method method = target.getClass().getMethod(accessor);
            method.setAccessible(true);
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(accessor + " of " + target.getClass(), e);
        }
    }
}
