package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.Transition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** graph export reads the Gold tables as tables: latest value per key, tombstones remove, --min-count filters. */
@ExtendWith(SharedKafka.class)
class GraphExportCommandIT {

    @TempDir
    Path dir;

    @Test
    void exportsTheLatestTransitionsAsCsvAndGraphml(KafkaConnection kafka, EmbeddedSchemaRegistry registry) throws Exception {
        String run = "graph-" + UUID.randomUUID().toString().substring(0, 8);
        String a = run + "-a";
        String b = run + "-b";
        String c = run + "-c";
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url().toString());
        assertThat(CliRun.of(env, "topics", "apply").exitCode()).as("the Gold topics exist").isZero();
        try (KafkaProducer<String, Track> tracks = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.GOLD_TRACKS.valueSerde(registry.client()).serializer());
             KafkaProducer<String, Transition> transitions = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                     Topics.GOLD_TRANSITIONS.valueSerde(registry.client()).serializer())) {
            for (String key : List.of(a, b, c)) {
                tracks.send(new ProducerRecord<>(Topics.GOLD_TRACKS.name(), key, Track.newBuilder().setTrackKey(key)
                        .setArtists(List.of("Artist " + key)).setTitle("Title " + key).setPlays(2).setPlaylists(1).build()));
            }
            transitions.send(new ProducerRecord<>(Topics.GOLD_TRANSITIONS.name(), a + "->" + b, edge(a, b, 1)));
            transitions.send(new ProducerRecord<>(Topics.GOLD_TRANSITIONS.name(), a + "->" + b, edge(a, b, 5)));
            transitions.send(new ProducerRecord<>(Topics.GOLD_TRANSITIONS.name(), b + "->" + c, edge(b, c, 2)));
            transitions.send(new ProducerRecord<>(Topics.GOLD_TRANSITIONS.name(), c + "->" + a, edge(c, a, 4)));
            transitions.send(new ProducerRecord<>(Topics.GOLD_TRANSITIONS.name(), c + "->" + a, null));
        }

        CliRun csv = CliRun.of(env, "graph", "export", "--format", "csv", "--min-count", "3");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().lines().filter(l -> l.contains(run)))
                .as("the latest count of a->b, b->c under --min-count, c->a deleted")
                .containsExactly(a + ",Artist " + a + " - Title " + a + "," + b + ",Artist " + b + " - Title " + b + ",5,1,0,");

        Path file = dir.resolve("graph.graphml");
        CliRun graphml = CliRun.of(env, "graph", "export", "--format", "GraphML", "--output", file.toString());
        assertThat(graphml.exitCode()).as(graphml.err()).isZero();
        String written = Files.readString(file);
        assertThat(written).contains("<edge source=\"" + a + "\" target=\"" + b + "\">", "<edge source=\"" + b + "\" target=\"" + c + "\">")
                .doesNotContain("<edge source=\"" + c + "\" target=\"" + a + "\">");

        CliRun wrongFormat = CliRun.of(env, "graph", "export", "--format", "gexf");
        assertThat(wrongFormat.exitCode()).isEqualTo(SongNodesCli.EXIT_CONFIG);
        assertThat(wrongFormat.err()).contains("--format", "graphml or csv");
    }

    private static Transition edge(String from, String to, long occurrences) {
        return Transition.newBuilder().setFromTrack(from).setToTrack(to).setOccurrences(occurrences).setPlaylists(1).build();
    }
}
