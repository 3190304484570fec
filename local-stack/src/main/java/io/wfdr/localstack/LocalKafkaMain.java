package io.wfdr.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local broker until the process is stopped:
 * {@code LocalKafkaMain <data-dir> <port> [topic,topic,...]}.
 */
public final class LocalKafkaMain {

    private LocalKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: LocalKafkaMain <data-dir> <port> [topic,topic,...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        LocalKafkaBroker broker = new LocalKafkaBroker(Path.of(args[0]), port, port + 1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            stopped.countDown();
        }, "kafka-shutdown"));
        broker.start();
        if (args.length > 2) {
            List<String> topics = Arrays.stream(args[2].split(",")).filter(t -> !t.isBlank()).toList();
            broker.createTopics(topics);
        }
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        stopped.await();
    }
}
