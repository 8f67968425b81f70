package io.lotabots.platform.refusal;

import jakarta.ejb.ApplicationException;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A request refused for a reason the caller can act on, thrown by boundaries (and by the API's own
 * input checks): what went wrong ({@link Kind}), the problem type ({@code slug}, answered as {@code
 * https://lotabots.io/problems/<slug>}) and its title, a detail about this request, the fields at
 * fault, and extension members a client may read (a quota's name and usage, say). It says nothing
 * about HTTP: the API's mapper chooses the status by kind. The transaction is rolled back, so nothing
 * the request started is written, unless it was built {@link Builder#committed() committed}.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Members every problem document has; an extension member may not take their names. */
    private static final Set<String> STANDARD_MEMBERS =
            Set.of("type", "title", "status", "detail", "instance", "errors");

    /** What went wrong, in the domain's words; each kind has one HTTP status, chosen in the API. */
    public enum Kind {
        /** The input breaks a rule; {@link #problems()} names each field at fault. */
        INVALID_INPUT,
        /** No caller where one is needed: the request carries no credentials. */
        UNAUTHENTICATED,
        /** A password or refresh token that is wrong, expired or spent; the answer never says which. */
        INVALID_CREDENTIALS,
        /** An API key's client credentials that are unknown, revoked, expired or mismatched. */
        INVALID_CLIENT,
        /** An access token that did not verify or whose session ended. */
        INVALID_TOKEN,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** Nothing of that id in the caller's tenant (another tenant's ids included). */
        NOT_FOUND,
        /** What the request names is in a state that does not allow it (a name taken, not final yet). */
        CONFLICT,
        /** The tenant's use of something limited is at its limit; freeing some, not waiting, helps. */
        QUOTA_EXCEEDED,
        /** The request was based on a version that is no longer current; {@link #currentVersion()} is. */
        STALE_VERSION,
        /** A change of a versioned resource that names no version it is based on (If-Match missing). */
        PRECONDITION_REQUIRED,
        /** The input is larger than accepted. */
        TOO_LARGE,
        /** Content of a type not accepted, or not what it is declared as (an executable, a "PDF" that is not). */
        UNSUPPORTED_MEDIA_TYPE,
        /** The input is well-formed but its content cannot be accepted (an archive entry that escapes, say). */
        UNPROCESSABLE,
        /** Too many requests in a time window; {@link #retryAfter()} says when to try again. */
        RATE_LIMITED,
        /** What the request names existed but is gone for good (an export past its retention). */
        GONE
    }

    private final Kind kind;
    private final String slug;
    private final String title;
    private final transient List<FieldProblem> problems;
    private final transient Map<String, JsonValue> members;
    private final Long currentVersion;
    private final Duration retryAfter;

    protected Refusal(Builder builder) {
        super(builder.detail);
        this.kind = builder.kind;
        this.slug = builder.slug;
        this.title = builder.title;
        this.problems = List.copyOf(builder.problems);
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(builder.members));
        this.currentVersion = builder.currentVersion;
        this.retryAfter = builder.retryAfter;
    }

    /** A refusal with nothing but a detail. */
    public static Refusal of(Kind kind, String slug, String title, String detail) {
        return builder(kind, slug, title).detail(detail).build();
    }

    public static Builder builder(Kind kind, String slug, String title) {
        return new Builder(kind, slug, title);
    }

    /** Input that breaks rules, each problem named by its field (problem type {@code validation}). */
    public static Refusal invalidInput(List<FieldProblem> problems) {
        return builder(Kind.INVALID_INPUT, "validation", "Invalid request")
                .detail("The request has " + problems.size() + " invalid field(s).")
                .problems(problems)
                .build();
    }

    /** One field at fault. */
    public static Refusal invalidField(String field, String message) {
        return invalidInput(List.of(new FieldProblem(field, message)));
    }

    public static Refusal notFound(String detail) {
        return of(Kind.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static Refusal forbidden(String detail) {
        return of(Kind.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static Refusal conflict(String detail) {
        return of(Kind.CONFLICT, "conflict", "Conflict", detail);
    }

    /** A change based on another version than {@code currentVersion}, the one to read first. */
    public static Refusal staleVersion(String detail, long currentVersion) {
        return builder(Kind.STALE_VERSION, "precondition-failed", "Changed in the meantime")
                .detail(detail)
                .currentVersion(currentVersion)
                .build();
    }

    public Kind kind() {
        return kind;
    }

    /** The problem type's name, such as {@code username-taken}. */
    public String slug() {
        return slug;
    }

    /** The problem type's short summary, the same for every refusal of the type. */
    public String title() {
        return title;
    }

    /** What was wrong with this request, safe to show the caller. */
    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Extension members of the problem document, in the order they were added. */
    public Map<String, JsonValue> members() {
        return members;
    }

    /** For {@link Kind#STALE_VERSION}: the version the client should read first. */
    public OptionalLong currentVersion() {
        return currentVersion == null ? OptionalLong.empty() : OptionalLong.of(currentVersion);
    }

    /** When trying again may succeed, if the refusal knows. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the transaction commits what the refused request recorded. */
    public boolean committed() {
        return this instanceof Committed;
    }

    /** Builds a refusal; only kind, problem type, title and detail are required. */
    public static final class Builder {

        private final Kind kind;
        private final String slug;
        private final String title;
        private String detail;
        private final List<FieldProblem> problems = new ArrayList<>();
        private final Map<String, JsonValue> members = new LinkedHashMap<>();
        private Long currentVersion;
        private Duration retryAfter;
        private boolean committed;

        private Builder(Kind kind, String slug, String title) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.slug = Objects.requireNonNull(slug, "slug");
            this.title = Objects.requireNonNull(title, "title");
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder problems(List<FieldProblem> problems) {
            this.problems.addAll(problems);
            return this;
        }

        /** An extension member (RFC 9457 §3.2), such as the quota refused and its current usage. */
        public Builder member(String name, JsonValue value) {
            if (STANDARD_MEMBERS.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a standard problem member");
            }
            members.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        public Builder currentVersion(long version) {
            this.currentVersion = version;
            return this;
        }

        public Builder retryAfter(Duration wait) {
            this.retryAfter = wait;
            return this;
        }

        /**
         * The refused attempt is itself recorded (an audit event, a counted wrong secret or password),
         * so the transaction commits instead of rolling back.
         */
        public Builder committed() {
            this.committed = true;
            return this;
        }

        public Refusal build() {
            Objects.requireNonNull(detail, "detail");
            return committed ? new Committed(this) : new Refusal(this);
        }
    }

    /** The same refusal, committed: the container reads rollback from the exception's class. */
    @ApplicationException(rollback = false)
    static final class Committed extends Refusal {

        private static final long serialVersionUID = 1L;

        Committed(Builder builder) {
            super(builder);
        }
    }
}
