package io.lotabots.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedissonConfigLoaderTest {

    private final Map<String, String> settings = Map.of("lotabots.redis.url", "redis://cache:6380", "odd", "a$b\\c");

    @Test
    void fillsPlaceholdersFromSettings() {
        assertEquals(
                "address: \"redis://cache:6380\"",
                RedissonConfigLoader.resolve("address: \"${lotabots.redis.url}\"", settings::get));
    }

    @Test
    void keepsRegexSpecialCharactersInValuesLiterally() {
        assertEquals("x: a$b\\c", RedissonConfigLoader.resolve("x: ${odd}", settings::get));
    }

    @Test
    void leavesTextWithoutPlaceholdersAlone() {
        assertEquals("threads: 4", RedissonConfigLoader.resolve("threads: 4", settings::get));
    }

    @Test
    void rejectsAPlaceholderThatNamesNoSetting() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> RedissonConfigLoader.resolve("address: ${lotabots.redis.typo}", settings::get));
        assertEquals("Redisson config names unknown setting lotabots.redis.typo", e.getMessage());
    }

    @Test
    void parsesTheShippedConfigOnceFilled() throws Exception {
        var yaml = java.nio.file.Path.of("../src/main/liberty/config/redisson.yaml");
        var config = RedissonConfigLoader.load(yaml, settings::get);
        assertEquals("redis://cache:6380", config.useSingleServer().getAddress());
    }
}
