package io.lotabots.consent.control;

import io.lotabots.consent.entity.LegalBasis;
import io.lotabots.consent.entity.ProcessingActivity;
import io.lotabots.platform.refusal.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a purpose, a policy text and a subject id must look like; each problem names its field. */
public final class PurposeRules {

    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_POLICY_TEXT = 20_000;
    public static final int MAX_URL = 500;
    public static final int MAX_SUBJECT = 200;

    private PurposeRules() {}

    public static List<FieldProblem> purpose(
            String code, String name, String description, String legalBasis, List<String> requiredFor) {
        var problems = new ArrayList<FieldProblem>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(
                    "code", "2-64 characters: a lowercase letter, then lowercase letters, digits or '-'."));
        }
        text(problems, "name", name, MAX_NAME);
        text(problems, "description", description, MAX_DESCRIPTION);
        LegalBasis basis = legalBasis(legalBasis);
        if (basis == null) {
            problems.add(new FieldProblem("legalBasis", "One of " + Arrays.toString(LegalBasis.values()) + "."));
        }
        if (requiredFor != null) {
            for (int i = 0; i < requiredFor.size(); i++) {
                if (activity(requiredFor.get(i)) == null) {
                    problems.add(new FieldProblem(
                            "requiredFor[" + i + "]", "One of " + Arrays.toString(ProcessingActivity.values()) + "."));
                }
            }
            if (!requiredFor.isEmpty() && basis != null && basis != LegalBasis.CONSENT) {
                problems.add(new FieldProblem(
                        "requiredFor",
                        "Only a purpose whose legal basis is CONSENT can make processing need consent."));
            }
        }
        return problems;
    }

    public static List<FieldProblem> policy(String text, String url) {
        var problems = new ArrayList<FieldProblem>();
        text(problems, "policyText", text, MAX_POLICY_TEXT);
        if (url != null && !isHttpUrl(url)) {
            problems.add(new FieldProblem(
                    "policyUrl", "An absolute http or https URL of at most " + MAX_URL + " characters."));
        }
        return problems;
    }

    /** A data subject's id: the user id for a tenant's own users, or the customer's own id for anyone else. */
    public static List<FieldProblem> subject(String field, String subject) {
        if (subject == null || subject.isBlank()) {
            return List.of(new FieldProblem(field, "Required."));
        }
        if (subject.length() > MAX_SUBJECT || !subject.strip().equals(subject) || hasControl(subject)) {
            return List.of(new FieldProblem(
                    field, "At most " + MAX_SUBJECT + " characters, no control characters, no spaces at either end."));
        }
        return List.of();
    }

    public static LegalBasis legalBasis(String value) {
        return value == null
                ? null
                : Arrays.stream(LegalBasis.values())
                        .filter(b -> b.name().equals(value.toUpperCase(Locale.ROOT)))
                        .findFirst()
                        .orElse(null);
    }

    public static ProcessingActivity activity(String value) {
        return value == null
                ? null
                : Arrays.stream(ProcessingActivity.values())
                        .filter(a -> a.name().equals(value.toUpperCase(Locale.ROOT)))
                        .findFirst()
                        .orElse(null);
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "Required."));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "At most " + max + " characters."));
        } else if (hasControl(value.replace('\n', ' ').replace('\t', ' ').replace('\r', ' '))) {
            problems.add(new FieldProblem(field, "No control characters."));
        }
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD);
    }

    private static boolean isHttpUrl(String url) {
        if (url.length() > MAX_URL || hasControl(url)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute()
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
