package io.songnodes.app;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.topics.Topics;
import io.songnodes.silver.SilverSettings;
import io.songnodes.silver.SilverTopology;
import io.songnodes.topology.StreamsApp;
import io.songnodes.topology.StreamsSettings;

/** Runs the Silver topology on a running platform, tied to its lifetime, health and metrics. */
final class Silver {

    private Silver() {
    }

    static StreamsApp start(Platform platform, SongNodesConfig config) {
        SilverSettings settings = SilverSettings.from(config);
        return platform.closeWithPlatform(StreamsApp.start(SilverSettings.TOPOLOGY,
                SilverTopology.build(settings, platform.registry(), platform.metrics().registry()),
                StreamsSettings.forTopology(SilverSettings.TOPOLOGY, config, platform.kafka(), Topics.DLQ_SILVER.name()),
                platform.metrics(), platform.health()));
    }
}
