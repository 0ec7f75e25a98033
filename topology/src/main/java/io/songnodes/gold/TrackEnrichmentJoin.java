package io.songnodes.gold;

import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.TrackContributions;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The two sides of joining enrichment into Gold tracks, sharing the store of the latest result per
 * track: a changed track takes the stored result; a new result is stored and, when the track is
 * played at all, republishes it.
 */
final class TrackEnrichmentJoin {

    private TrackEnrichmentJoin() {
    }

    /** A track from the aggregate (a tombstone passes through), with its enrichment. */
    static final class OnTrack implements Processor<String, Track, String, Track> {
        private final String enrichmentStore;
        private ProcessorContext<String, Track> context;
        private KeyValueStore<String, EnrichmentResult> enrichment;

        OnTrack(String enrichmentStore) {
            this.enrichmentStore = enrichmentStore;
        }

        @Override
        public void init(ProcessorContext<String, Track> context) {
            this.context = context;
            this.enrichment = context.getStateStore(enrichmentStore);
        }

        @Override
        public void process(Record<String, Track> record) {
            Track track = record.value();
            context.forward(record.withValue(track == null ? null : TrackEnrichment.apply(track, enrichment.get(record.key()))));
        }
    }

    /** A result, kept, and the track it enriches republished. */
    static final class OnResult implements Processor<String, EnrichmentResult, String, Track> {
        private final String enrichmentStore;
        private final String contributionsStore;
        private final TrackShape shape;
        private ProcessorContext<String, Track> context;
        private KeyValueStore<String, EnrichmentResult> enrichment;
        private KeyValueStore<String, TrackContributions> contributions;

        OnResult(String enrichmentStore, String contributionsStore, TrackShape shape) {
            this.enrichmentStore = enrichmentStore;
            this.contributionsStore = contributionsStore;
            this.shape = shape;
        }

        @Override
        public void init(ProcessorContext<String, Track> context) {
            this.context = context;
            this.enrichment = context.getStateStore(enrichmentStore);
            this.contributions = context.getStateStore(contributionsStore);
        }

        @Override
        public void process(Record<String, EnrichmentResult> record) {
            if (record.value() == null) {
                enrichment.delete(record.key());
            } else {
                enrichment.put(record.key(), record.value());
            }
            TrackContributions played = contributions.get(record.key());
            if (played != null) {
                context.forward(record.withValue(TrackEnrichment.apply(shape.output(record.key(), played.getContributions()), record.value())));
            }
        }
    }
}
