package io.lotabots.attestation.console;

import io.lotabots.attestation.hardware.boundary.HardwarePolicies;
import io.lotabots.attestation.hardware.boundary.PolicyView;
import io.lotabots.attestation.model.boundary.ModelPolicies;
import io.lotabots.attestation.model.boundary.ModelPolicyView;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.paging.Page;
import java.util.List;

/**
 * What the policy views read of one attestation type's versioned policies: the latest versions page by
 * page, any version, and each version's name and numbers. Hardware and model policies are versioned by the
 * same rules, so one list and one detail show either.
 */
interface PolicyBook<V> {

    Page<V> page(Caller caller, String cursor, int limit);

    V find(Caller caller, String name, int version);

    String name(V policy);

    int version(V policy);

    List<Integer> versions(V policy);

    static PolicyBook<PolicyView> hardware(HardwarePolicies policies) {
        return new PolicyBook<>() {
            @Override
            public Page<PolicyView> page(Caller caller, String cursor, int limit) {
                return policies.page(caller, cursor, limit);
            }

            @Override
            public PolicyView find(Caller caller, String name, int version) {
                return policies.find(caller, name, version);
            }

            @Override
            public String name(PolicyView policy) {
                return policy.name();
            }

            @Override
            public int version(PolicyView policy) {
                return policy.version();
            }

            @Override
            public List<Integer> versions(PolicyView policy) {
                return policy.versions();
            }
        };
    }

    static PolicyBook<ModelPolicyView> model(ModelPolicies policies) {
        return new PolicyBook<>() {
            @Override
            public Page<ModelPolicyView> page(Caller caller, String cursor, int limit) {
                return policies.page(caller, cursor, limit);
            }

            @Override
            public ModelPolicyView find(Caller caller, String name, int version) {
                return policies.find(caller, name, version);
            }

            @Override
            public String name(ModelPolicyView policy) {
                return policy.name();
            }

            @Override
            public int version(ModelPolicyView policy) {
                return policy.version();
            }

            @Override
            public List<Integer> versions(ModelPolicyView policy) {
                return policy.versions();
            }
        };
    }
}
