package io.songnodes.app;

import io.songnodes.alerts.AlertGauges;
import io.songnodes.alerts.AlertSettings;
import io.songnodes.alerts.SourceHealthTopology;
import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.topics.Topics;
import io.songnodes.topology.StreamsApp;
import io.songnodes.topology.StreamsSettings;

/** Runs source health and silent-failure alerts on a running platform, tied to its lifetime, health and metrics. */
final class Alerts {

    private Alerts() {
    }

    static StreamsApp start(Platform platform, SongNodesConfig config) {
        AlertSettings settings = AlertSettings.from(config);
        AlertGauges gauges = new AlertGauges(platform.metrics().registry());
        return platform.closeWithPlatform(StreamsApp.start(AlertSettings.TOPOLOGY,
                SourceHealthTopology.build(settings, platform.registry(), platform.metrics().registry(), gauges),
                StreamsSettings.forTopology(AlertSettings.TOPOLOGY, config, platform.kafka(), Topics.DLQ_ALERTS.name()),
                platform.metrics(), platform.health()));
    }
}
