package io.songnodes.gold;

import io.songnodes.schemas.gold.PlaylistContribution;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.schemas.gold.TransitionContributions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps each transition's contributions by playlist and publishes the statistics they add up to (a tombstone at zero). */
final class TransitionAggregator implements Processor<String, TransitionContributions, String, Transition> {

    private ProcessorContext<String, Transition> context;
    private KeyValueStore<String, TransitionContributions> store;

    @Override
    public void init(ProcessorContext<String, Transition> context) {
        this.context = context;
        this.store = context.getStateStore(TransitionsTopology.CONTRIBUTIONS_STORE);
    }

    @Override
    public void process(Record<String, TransitionContributions> record) {
        TransitionContributions update = record.value();
        TransitionContributions state = store.get(record.key());
        Map<String, PlaylistContribution> byPlaylist = new HashMap<>(state == null ? Map.of() : state.getContributions());
        if (update.getRemovedPlaylist() != null) {
            byPlaylist.remove(update.getRemovedPlaylist());
        }
        byPlaylist.putAll(update.getContributions());
        if (byPlaylist.isEmpty()) {
            store.delete(record.key());
            context.forward(record.withValue(null));
            return;
        }
        store.put(record.key(), TransitionContributions.newBuilder(update).setContributions(byPlaylist).setRemovedPlaylist(null).build());
        context.forward(record.withValue(transition(update.getFromTrack(), update.getToTrack(), byPlaylist)));
    }

    static Transition transition(String from, String to, Map<String, PlaylistContribution> byPlaylist) {
        long occurrences = 0;
        TreeSet<String> djs = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        List<Integer> gaps = new ArrayList<>();
        for (PlaylistContribution c : byPlaylist.values()) {
            occurrences += c.getOccurrences();
            djs.addAll(c.getDjs());
            first = first == null || c.getSeenAt().isBefore(first) ? c.getSeenAt() : first;
            last = last == null || c.getSeenAt().isAfter(last) ? c.getSeenAt() : last;
            gaps.addAll(c.getCueGapsSeconds());
        }
        return Transition.newBuilder().setFromTrack(from).setToTrack(to).setOccurrences(occurrences).setPlaylists(byPlaylist.size())
                .setDjs(new ArrayList<>(djs)).setFirstSeen(first).setLastSeen(last).setMedianCueGapSeconds(median(gaps)).build();
    }

    private static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}
