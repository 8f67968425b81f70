package io.lotabots.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The RabbitMQ that runs on this machine (Debian's rabbitmq-server, guest/guest on 5672), as the tests
 * see it: the server variables that put a {@link SecondServer} on a queue of its own, and
 * {@code rabbitmqctl} to look at that queue and delete it afterwards (other builds share the broker).
 */
public final class RabbitMqBroker {

    private RabbitMqBroker() {}

    /** server.xml variables for {@link SecondServer#start(Map)}: the RabbitMQ job transport on this queue. */
    public static Map<String, String> transportOn(String queue) {
        return Map.of(
                "lotabots.attestation.transport", "rabbitmq",
                "lotabots.attestation.rabbitmq.uri", "amqp://guest:guest@127.0.0.1:5672/%2F",
                "lotabots.attestation.rabbitmq.queue", queue);
    }

    /** One column of the queue in {@code rabbitmqctl list_queues}, or {@code absent}. */
    public static String queueColumn(String queue, String column) {
        for (String line : rabbitmqctl("list_queues", "-q", "--no-table-headers", "name", column)
                .lines()
                .toList()) {
            String[] fields = line.split("\\s+");
            if (fields.length == 2 && fields[0].equals(queue)) {
                return fields[1];
            }
        }
        return "absent";
    }

    public static void deleteQueue(String queue) {
        rabbitmqctl("delete_queue", queue);
    }

    private static String rabbitmqctl(String... arguments) {
        var command = new ArrayList<String>();
        command.add("rabbitmqctl");
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("rabbitmqctl (Debian package rabbitmq-server)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
