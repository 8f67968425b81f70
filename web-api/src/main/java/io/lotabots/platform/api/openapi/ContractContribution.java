package io.lotabots.platform.api.openapi;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What a component adds to the contract that its resources' annotations cannot say: the shapes of the
 * bodies it builds by hand, and those shapes on its own operations. Implementations are named in
 * {@code META-INF/services/io.lotabots.platform.api.openapi.ContractContribution}, so a component
 * (an attestation type) brings its own without an edit to this package.
 */
public interface ContractContribution {

    /** Named schemas for the document's components, in the order they are listed. */
    Map<String, Schema> shapes();

    /** Describes the operation's hand-built bodies if it is one of this component's; false otherwise. */
    boolean describe(Operation operation);

    /** Every registered contribution, in the order the services file names them. */
    static List<ContractContribution> all() {
        return ServiceLoader.load(ContractContribution.class, ContractContribution.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
