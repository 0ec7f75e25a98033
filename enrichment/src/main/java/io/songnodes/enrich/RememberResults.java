package io.songnodes.enrich;

import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.EnrichmentTrackState;
import java.util.ArrayList;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Notes each result on its track: when it was enriched, what it still lacks, under which rule versions. */
final class RememberResults implements Processor<String, EnrichmentResult, Void, Void> {

    private final String tracksStore;
    private KeyValueStore<String, EnrichmentTrackState> tracks;

    RememberResults(String tracksStore) {
        this.tracksStore = tracksStore;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        tracks = context.getStateStore(tracksStore);
    }

    @Override
    public void process(Record<String, EnrichmentResult> record) {
        EnrichmentTrackState state = tracks.get(record.key());
        if (state == null || record.value() == null) {
            return; // a result for a track this step never requested (another deployment, a manual request)
        }
        EnrichmentResult result = record.value();
        tracks.put(record.key(), EnrichmentTrackState.newBuilder(state).setEnrichedAt(result.getEnrichedAt())
                .setMissing(new ArrayList<>(result.getMissing().keySet())).setWaterfallVersions(result.getWaterfallVersions()).build());
    }
}
