package io.lotabots.audit.boundary;

import io.lotabots.audit.entity.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A page request over one tenant's events, newest first. Every filter is optional: {@code action}
 * is exact, or a prefix when it ends in {@code .*} ({@code auth.login.*}); the time range is
 * {@code from} ≤ occurredAt &lt; {@code to}; {@code before} is the position after which the previous
 * page ended (from the cursor).
 */
public record EventQuery(
        UUID tenantId,
        String actor,
        String action,
        String targetType,
        String targetId,
        Outcome outcome,
        Instant from,
        Instant to,
        Long before,
        int limit) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public EventQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (targetId != null && targetType == null) {
            throw new IllegalArgumentException("a target id needs a target type");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** The JPQL for this query; one more row than the limit is read to know whether a next page exists. */
    String jpql() {
        var where = new StringBuilder("select e from AuditEvent e where e.tenantId = :tenantId");
        parameters().keySet().stream().filter(name -> !name.equals("tenantId")).forEach(name -> where.append(" and ")
                .append(condition(name)));
        return where.append(" order by e.id desc").toString();
    }

    /** How many events match the filters, all pages together ({@code before} and the limit play no part). */
    String countJpql() {
        var where = new StringBuilder("select count(e) from AuditEvent e where e.tenantId = :tenantId");
        countParameters().keySet().stream()
                .filter(name -> !name.equals("tenantId"))
                .forEach(name -> where.append(" and ").append(condition(name)));
        return where.toString();
    }

    Map<String, Object> countParameters() {
        var parameters = parameters();
        parameters.remove("before");
        return parameters;
    }

    Map<String, Object> parameters() {
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("tenantId", tenantId);
        putIfSet(parameters, "actor", actor);
        if (action != null && action.endsWith(".*")) {
            parameters.put("actionPrefix", action.substring(0, action.length() - 1) + "%");
        } else {
            putIfSet(parameters, "action", action);
        }
        putIfSet(parameters, "targetType", targetType);
        putIfSet(parameters, "targetId", targetId);
        putIfSet(parameters, "outcome", outcome);
        putIfSet(parameters, "from", from);
        putIfSet(parameters, "to", to);
        putIfSet(parameters, "before", before);
        return parameters;
    }

    private static String condition(String parameter) {
        return switch (parameter) {
            case "actionPrefix" -> "e.action like :actionPrefix";
            case "from" -> "e.occurredAt >= :from";
            case "to" -> "e.occurredAt < :to";
            case "before" -> "e.id < :before";
            default -> "e." + parameter + " = :" + parameter;
        };
    }

    private static void putIfSet(Map<String, Object> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
