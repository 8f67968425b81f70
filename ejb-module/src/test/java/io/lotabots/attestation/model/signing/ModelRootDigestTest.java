package io.lotabots.attestation.model.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.lotabots.model.control.ModelFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRootDigestTest {

    @TempDir
    Path temp;

    @Test
    void unsignedCopyOfASignedModelHasTheSignedRootDigest() {
        FolderModelTree tree = new FolderModelTree(ModelTransparencyVectorsTest.vector("v1.0.0-certificate"));

        assertEquals(
                "61d4849d9d90076d6215f4d525f13d6574af8e3f67aef3e6f36fc40a14fdd226",
                ModelRootDigest.ofFiles(tree.files(), "model.sig"));
    }

    @Test
    void gitFilesAndTheSignatureDoNotChangeIt() {
        Path model = TestModels.typical(temp);
        String before = ModelRootDigest.ofFiles(new FolderModelTree(model).files(), "model.sig");
        TestModels.write(model, ".git/HEAD", "ref");
        TestModels.write(model, "model.sig", "{}");

        assertEquals(before, ModelRootDigest.ofFiles(new FolderModelTree(model).files(), "model.sig"));
        TestModels.write(model, "sub/.git", "x");
        assertNotEquals(before, ModelRootDigest.ofFiles(new FolderModelTree(model).files(), "model.sig"));
    }

    @Test
    void pathsAreOrderedSegmentBySegmentAsPythonsPurePosixPath() {
        List<String> paths = new ArrayList<>(List.of("a-b", "a/b", "a", "B", "a/b/c", "\uD83D\uDE00", "\uFFFD"));

        paths.sort(ModelRootDigest.PATH_ORDER);

        // what sorted(PurePosixPath(p) for p in ...) gives in CPython
        assertEquals(List.of("B", "a", "a/b", "a/b/c", "a-b", "\uFFFD", "\uD83D\uDE00"), paths);
    }

    @Test
    void rootDigestOfAModelSignedByTheBuilderIsTheSignedOne() {
        Path model = TestModels.typical(temp);
        var keys = TestSigningKeys.generate(EcdsaCurve.P256);
        ModelSignatureBuilder.of(model).signWithKey(keys, ModelSignatureBuilder.KeyForm.HINT);

        SignatureVerification result = Verifications.verify(model, Verifications.trustingKeys(keys.getPublic()));

        Verifications.assertValid(result);
        List<ModelFile> files = new FolderModelTree(model).files();
        assertEquals(result.rootDigest(), ModelRootDigest.ofFiles(files, "model.sig"));
    }
}
