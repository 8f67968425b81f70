package io.lotabots.retention.control;

import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.retention.entity.HeldObjectType;
import io.lotabots.retention.entity.HoldScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What a hold and its release must carry; each problem names its field. */
public final class HoldRules {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_REASON = 1000;

    /** A valid hold request: subject only for scope SUBJECT, object type and id only for scope OBJECT. */
    public record ValidHold(HoldScope scope, String subject, HeldObjectType objectType, UUID objectId, String reason) {}

    private HoldRules() {}

    /** The hold; a 400 naming every invalid field otherwise. */
    public static ValidHold check(String scope, String subject, String objectType, String objectId, String reason) {
        var problems = new ArrayList<FieldProblem>();
        HoldScope holdScope = parse(HoldScope.class, scope);
        if (holdScope == null) {
            problems.add(new FieldProblem("scope", "One of tenant, subject, object."));
        }
        String holdSubject = null;
        HeldObjectType type = null;
        UUID id = null;
        if (holdScope == HoldScope.SUBJECT) {
            if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
                problems.add(
                        new FieldProblem("subject", "Required for scope subject: 1-" + MAX_SUBJECT + " characters."));
            } else {
                holdSubject = subject;
            }
        } else if (subject != null) {
            problems.add(new FieldProblem("subject", "Only for scope subject."));
        }
        if (holdScope == HoldScope.OBJECT) {
            type = parse(HeldObjectType.class, objectType);
            if (type == null) {
                problems.add(
                        new FieldProblem("objectType", "Required for scope object: document, model or attestation."));
            }
            id = uuid(objectId);
            if (id == null) {
                problems.add(new FieldProblem("objectId", "Required for scope object: the object's id (a UUID)."));
            }
        } else {
            if (objectType != null) {
                problems.add(new FieldProblem("objectType", "Only for scope object."));
            }
            if (objectId != null) {
                problems.add(new FieldProblem("objectId", "Only for scope object."));
            }
        }
        reason(problems, "reason", reason);
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        return new ValidHold(holdScope, holdSubject, type, id, reason.strip());
    }

    /** The problems of a release's (or a hold's) reason: required, at most {@link #MAX_REASON} characters. */
    public static List<FieldProblem> reason(List<FieldProblem> problems, String field, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            problems.add(new FieldProblem(field, "Required: 1-" + MAX_REASON + " characters saying why."));
        }
        return problems;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
