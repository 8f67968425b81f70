package io.lotabots.model.boundary;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.model.control.ModelFormatSniffer;
import io.lotabots.model.control.ModelTree;
import io.lotabots.model.control.ReceivedFile;
import io.lotabots.model.control.S3ModelTree;
import io.lotabots.model.entity.Model;
import io.lotabots.model.entity.ModelKind;
import io.lotabots.model.entity.StoredModelFile;
import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.resources.boundary.StorageReservations;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The database side of models: a received model's rows, written with its stored-bytes settlement and its
 * audit event in one transaction, and removed the same way.
 */
@Stateless
public class ModelRecords {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @EJB
    StorageReservations reservations;

    @Inject
    ModelAudit audit;

    @Inject
    ObjectStore objects;

    @Inject
    Clock clock;

    /** Records a model whose files are all stored; settles its upload's reservation. */
    public ModelView record(Caller caller, UUID id, String name, ModelSource source, List<ReceivedFile> files) {
        boolean single = source == ModelSource.FILE;
        var model = new Model(
                id,
                caller.tenantId(),
                name,
                single ? ModelKind.FILE : ModelKind.DIRECTORY,
                single ? files.get(0).format() : ModelFormatSniffer.DIRECTORY,
                single ? files.get(0).sha256() : null,
                caller.subject(),
                caller.name(),
                // the column's precision, so the answer to the upload equals every later read
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        em.persist(model);
        for (int i = 0; i < files.size(); i++) {
            ReceivedFile f = files.get(i);
            var row =
                    new StoredModelFile(id, f.path(), i, f.size(), f.sha256(), f.format(), f.symlink(), f.objectKey());
            em.persist(row);
            model.count(row);
        }
        em.flush();
        reservations.settle(caller.tenantId(), id, model.size());
        ModelView view = view(model, files(id));
        audit.uploaded(caller, view);
        return view;
    }

    /** Whether a model's rows exist (after a commit whose outcome was not known). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean exists(UUID id) {
        return em.find(Model.class, id) != null;
    }

    /** Whether the tenant has the model (another tenant's is as absent as none). */
    public boolean owns(UUID tenantId, UUID id) {
        Model model = em.find(Model.class, id);
        return model != null && model.tenantId().equals(tenantId);
    }

    /** The tenant's model with its files; 404 for another tenant's or no model. */
    public ModelView find(Caller caller, UUID id) {
        Model model = confined(caller.tenantId(), id, em.find(Model.class, id));
        return view(model, files(id));
    }

    /** The stored model's files, read from S3, for the verifiers; a refusal (404) for no model of this tenant. */
    public ModelTree tree(UUID tenantId, UUID id) {
        return new S3ModelTree(objects, storedFiles(tenantId, id));
    }

    /** The model's files as stored, for reading them back. */
    public List<ReceivedFile> storedFiles(UUID tenantId, UUID id) {
        confined(tenantId, id, em.find(Model.class, id));
        return em.createNamedQuery(StoredModelFile.OF_MODEL, StoredModelFile.class)
                .setParameter("modelId", id)
                .getResultStream()
                .map(f -> new ReceivedFile(f.path(), f.size(), f.sha256(), f.format(), f.objectKey(), f.symlink()))
                .toList();
    }

    /** Removes the model's rows (its files go by cascade) and gives its bytes back to the tenant's quota. */
    public ModelView remove(Caller caller, UUID id) {
        Model model = confined(caller.tenantId(), id, em.find(Model.class, id, LockModeType.PESSIMISTIC_WRITE));
        ModelView view = view(model, null);
        em.remove(model);
        em.flush();
        reservations.free(caller.tenantId(), model.size());
        audit.deleted(caller, view);
        return view;
    }

    public List<Model> page(UUID tenantId, UUID before, int limit) {
        return em.createNamedQuery(Model.PAGE_OF_TENANT, Model.class)
                .setParameter("tenantId", tenantId)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    private List<ModelFileView> files(UUID id) {
        return em.createNamedQuery(StoredModelFile.OF_MODEL, StoredModelFile.class)
                .setParameter("modelId", id)
                .getResultStream()
                .map(f -> new ModelFileView(f.path(), f.size(), f.sha256(), f.format(), f.symlink()))
                .toList();
    }

    static ModelView view(Model m, List<ModelFileView> files) {
        return new ModelView(
                m.id(),
                m.name(),
                m.kind(),
                m.format(),
                m.sha256(),
                m.size(),
                m.fileCount(),
                files,
                m.createdAt(),
                m.createdBy(),
                m.createdByName());
    }

    private static Model confined(UUID tenantId, UUID id, Model model) {
        if (model == null || !model.tenantId().equals(tenantId)) {
            throw ModelRefusals.notFound(id);
        }
        return model;
    }
}
