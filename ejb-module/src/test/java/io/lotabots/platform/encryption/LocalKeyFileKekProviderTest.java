package io.lotabots.platform.encryption;

import io.lotabots.platform.keys.KeyFile;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The key-file provider against the contract; two instances on one file stand for two servers. */
class LocalKeyFileKekProviderTest extends KekProviderContract {

    @TempDir
    Path folder;

    @Override
    KekProvider provider(int instance) {
        return new LocalKeyFileKekProvider(
                new KeyFile(folder.resolve(LocalKeyFileKekProvider.FILE), "test-only-secret".toCharArray()));
    }

    @Override
    byte[] materialAfterDestroy(byte[] material) {
        return material;
    }
}
