package io.lotabots.model.boundary;

import io.lotabots.consent.boundary.ConsentGate;
import io.lotabots.consent.entity.ProcessingActivity;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.model.control.ModelKeys;
import io.lotabots.model.control.ModelTree;
import io.lotabots.model.entity.Model;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.paging.MalformedCursorException;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.resources.boundary.ReservationLapsedException;
import io.lotabots.resources.boundary.StorageReservations;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tenant's stored models. An upload streams into S3 as it is received (no transaction is open meanwhile;
 * the rows are written in one short transaction once every file is stored), so a model of tens of gigabytes
 * costs one part buffer of memory. Whatever fails or is refused on the way leaves no row, no object and no
 * unfinished multipart upload. A CDI bean rather than an EJB: its long calls run outside any transaction, and
 * an EJB method that runs without one (NOT_SUPPORTED) logs every refusal it passes on as a rolled-back local
 * transaction; the transactional work is {@link ModelRecords}' and {@code StorageReservations}'.
 */
@ApplicationScoped
public class Models {

    private static final Logger LOG = Logger.getLogger(Models.class.getName());
    private static final UUID NEWEST = new UUID(-1L, -1L);
    public static final int MAX_NAME = 200;

    @Inject
    ModelRecords records;

    @Inject
    StorageReservations reservations;

    @Inject
    ObjectStore objects;

    @Inject
    ModelLimits limits;

    @EJB
    ConsentGate consent;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /**
     * Stores the model the form carries and records it.
     *
     * @throws IOException when reading the form fails (the client broke off); nothing is kept
     */
    public ModelView upload(Caller caller, UploadForm form) throws IOException {
        consent.require(caller, ProcessingActivity.MODEL_UPLOAD);
        UUID id = TimeOrderedIds.next();
        String prefix = ModelKeys.prefix(caller.tenantId(), id);
        long reserved =
                reservations.open(caller.tenantId(), id, prefix, Math.min(form.declaredBytes(), limits.maxBytes()));
        var upload = new ModelUpload(caller.tenantId(), id, reserved, objects, reservations, limits);
        boolean recording = false;
        try (var heartbeat = new LeaseHeartbeat(scheduler, reservations, id)) {
            String name = form.read(upload);
            requireComplete(name, upload);
            recording = true;
            return records.record(caller, id, name.strip(), upload.source(), upload.files());
        } catch (ReservationLapsedException lapsed) {
            discard(id, prefix, recording, lapsed);
            throw ModelRefusals.stalled();
        } catch (IOException | RuntimeException | Error failure) {
            discard(id, prefix, recording, failure);
            throw failure;
        }
    }

    /** The tenant's models, newest first, without their files. */
    public Page<ModelView> page(Caller caller, String cursor, int limit) {
        UUID before = cursor == null ? NEWEST : parse(cursor);
        var rows = records.page(caller.tenantId(), before, limit + 1);
        boolean more = rows.size() > limit;
        List<Model> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                shown.stream().map(m -> ModelRecords.view(m, null)).toList(),
                more ? PageCursor.after(shown.get(shown.size() - 1).id().toString()) : null);
    }

    public ModelView find(Caller caller, UUID id) {
        return records.find(caller, id);
    }

    /**
     * Deletes the model: its objects first (an S3 outage then changes nothing in the database, and deleting
     * again finishes the work), then its rows, giving its bytes back to the tenant's quota.
     */
    public ModelView delete(Caller caller, UUID id) {
        records.find(caller, id);
        objects.deletePrefix(ModelKeys.prefix(caller.tenantId(), id));
        return records.remove(caller, id);
    }

    /** The stored model's files, read from S3, for the verifiers; 404 for no model of this tenant. */
    public ModelTree tree(UUID tenantId, UUID id) {
        return records.tree(tenantId, id);
    }

    private static void requireComplete(String name, ModelUpload upload) {
        var problems = new ArrayList<FieldProblem>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.strip().length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "is longer than " + MAX_NAME + " characters"));
        } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(new FieldProblem("name", "contains a control character"));
        }
        if (upload.source() == null) {
            problems.add(
                    new FieldProblem("file", "or archive is required: the model's file, or a zip of its directory"));
        }
        if (!problems.isEmpty()) {
            throw ModelRefusals.invalid(problems);
        }
    }

    /**
     * Clears what a failed upload stored. Unless its rows may have committed after all (the failure came from
     * the commit), its objects and unfinished multipart uploads go, then its reservation. When S3 or the
     * database does not answer now, the reservation stays: it lapses after its lease and the lease timer
     * clears the prefix then.
     */
    private void discard(UUID id, String prefix, boolean recording, Throwable failure) {
        try {
            if (recording && records.exists(id)) {
                return;
            }
            objects.deletePrefix(prefix);
            reservations.cancel(id);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.log(Level.WARNING, "Could not clear failed upload " + id + " now; the lease timer will", e);
        }
    }

    private static UUID parse(String cursor) {
        try {
            return UUID.fromString(PageCursor.parts(cursor, 1).get(0));
        } catch (IllegalArgumentException e) {
            throw new MalformedCursorException();
        }
    }
}
