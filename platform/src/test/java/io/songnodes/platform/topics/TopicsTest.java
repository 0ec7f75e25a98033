package io.songnodes.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicIsDeclaredOnceWithAVersionedName() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates()
                .allMatch(name -> name.equals("_schemas") || name.matches("[a-z]+\\.[a-z0-9-]+\\.v\\d+"));
        assertThat(new HashSet<>(Topics.ALL)).hasSize(Topics.ALL.size());
    }

    @Test
    void bronzeIsKeptForeverAndTheRegistryLogIsCompacted() {
        assertThat(Topics.BRONZE_PLAYLISTS.configs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
        assertThat(Topics.SCHEMAS.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.SCHEMAS.partitions()).isEqualTo(1);
        assertThat(Topics.BRONZE_PLAYLISTS.value().format()).isEqualTo("avro:BronzePlaylist");
    }

    @Test
    void namesOutsideTheSchemeAreRefused() {
        assertThatThrownBy(() -> new TopicSpec<>("BronzePlaylists", "", 1, TopicSpec.Cleanup.DELETE, Optional.empty(),
                Wire.string(), Wire.string())).hasMessageContaining("<layer>.<entity>.v<N>");
    }
}
