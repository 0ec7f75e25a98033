package io.songnodes.platform.testkit;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Throw-away topics for tests on the shared broker, so tests never collide on names. */
public final class TestTopics {

    private TestTopics() {
    }

    /** A fresh, unique topic name in the platform's naming scheme. */
    public static String unique(String entity) {
        return "test." + entity + "-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
    }

    public static String create(Admin admin, String entity, int partitions) {
        String name = unique(entity);
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test topic " + name, e);
        }
        return name;
    }
}
