package io.lotabots.platform.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.config.Config;

/**
 * Reads the Redisson YAML file and fills its {@code ${name}} placeholders from MicroProfile Config, so
 * the Redis URL follows the same rules (environment, server variables) as every other setting.
 */
final class RedissonConfigLoader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private RedissonConfigLoader() {}

    static Config load(Path yaml, UnaryOperator<String> settings) throws IOException {
        return Config.fromYAML(resolve(Files.readString(yaml), settings));
    }

    static String resolve(String text, UnaryOperator<String> settings) {
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String value = settings.apply(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Redisson config names unknown setting " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
