package io.songnodes.gold;

import io.songnodes.schemas.gold.TrackNeighbours;
import io.songnodes.schemas.gold.Transition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Indexes the transition graph by track, so "what follows this track" is one key lookup on the
 * instance owning the track rather than a scan of every partition of the transitions table.
 */
final class TrackNeighboursIndexer implements Processor<String, TrackNeighbours, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, TrackNeighbours> store;

    TrackNeighboursIndexer(String storeName) {
        this.storeName = storeName;
    }

    /** A changed transition (a tombstone when it is gone) as one update for each of its two tracks; 0 occurrences removes. */
    static List<KeyValue<String, TrackNeighbours>> updates(String edge, Transition transition) {
        String from = PlaylistTransitions.from(edge);
        String to = PlaylistTransitions.to(edge);
        long occurrences = transition == null ? 0 : transition.getOccurrences();
        return List.of(
                KeyValue.pair(from, TrackNeighbours.newBuilder().setTrackKey(from).setOutgoing(Map.of(to, occurrences)).setIncoming(Map.of()).build()),
                KeyValue.pair(to, TrackNeighbours.newBuilder().setTrackKey(to).setOutgoing(Map.of()).setIncoming(Map.of(from, occurrences)).build()));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, TrackNeighbours> record) {
        TrackNeighbours stored = store.get(record.key());
        Map<String, Long> outgoing = new HashMap<>(stored == null ? Map.of() : stored.getOutgoing());
        Map<String, Long> incoming = new HashMap<>(stored == null ? Map.of() : stored.getIncoming());
        apply(record.value().getOutgoing(), outgoing);
        apply(record.value().getIncoming(), incoming);
        if (outgoing.isEmpty() && incoming.isEmpty()) {
            store.delete(record.key());
        } else {
            store.put(record.key(), new TrackNeighbours(record.key(), outgoing, incoming));
        }
    }

    private static void apply(Map<String, Long> changes, Map<String, Long> neighbours) {
        changes.forEach((track, occurrences) -> {
            if (occurrences == 0) {
                neighbours.remove(track);
            } else {
                neighbours.put(track, occurrences);
            }
        });
    }
}
