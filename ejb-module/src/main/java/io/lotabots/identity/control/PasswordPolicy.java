package io.lotabots.identity.control;

import io.lotabots.platform.refusal.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a new password may be used: long enough, not the username, not a common
 * password (NIST SP 800-63B: length and a blocklist, no composition rules).
 */
public final class PasswordPolicy {

    static final String BUNDLED_LIST = "/identity/common-passwords.txt";

    private final int minLength;
    private final Set<String> commonPasswords;

    public PasswordPolicy(int minLength, Set<String> commonPasswords) {
        if (minLength < 1) {
            throw new IllegalArgumentException("minimum length " + minLength + " must be at least 1");
        }
        this.minLength = minLength;
        this.commonPasswords =
                commonPasswords.stream().map(PasswordPolicy::normalised).collect(Collectors.toUnmodifiableSet());
    }

    /** A policy with the list of common passwords that ships with this service. */
    public static PasswordPolicy withBundledList(int minLength) {
        return new PasswordPolicy(minLength, bundledList());
    }

    public int minLength() {
        return minLength;
    }

    /** Every rule the password breaks; an empty list means it may be used. */
    public List<PolicyViolation> check(String username, char[] password) {
        var candidate = new String(password);
        var violations = new ArrayList<PolicyViolation>();
        if (candidate.codePointCount(0, candidate.length()) < minLength) {
            violations.add(PolicyViolation.TOO_SHORT);
        }
        if (candidate.strip().equalsIgnoreCase(username.strip())) {
            violations.add(PolicyViolation.EQUALS_USERNAME);
        }
        if (commonPasswords.contains(normalised(candidate))) {
            violations.add(PolicyViolation.COMMON_PASSWORD);
        }
        return List.copyOf(violations);
    }

    /** The rules the password breaks as problems of {@code field}, each naming its rule. */
    public List<FieldProblem> problems(String field, String username, char[] password) {
        return check(username, password).stream()
                .map(violation -> new FieldProblem(field, describe(violation)))
                .toList();
    }

    /** The rule in words, with this policy's numbers. */
    public String describe(PolicyViolation violation) {
        return violation == PolicyViolation.TOO_SHORT
                ? "is shorter than the minimum length of " + minLength + " characters"
                : violation.message();
    }

    // surrounding spaces and capitals do not make a common password any harder to guess
    private static String normalised(String password) {
        return password.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> bundledList() {
        var resource = PasswordPolicy.class.getResourceAsStream(BUNDLED_LIST);
        if (resource == null) {
            throw new IllegalStateException(BUNDLED_LIST + " is missing from the class path");
        }
        try (var lines = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            return lines.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_LIST, e);
        }
    }
}
