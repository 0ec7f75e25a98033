package io.songnodes.gold;

import io.songnodes.schemas.gold.PlaylistContribution;
import io.songnodes.schemas.gold.TransitionContributions;
import io.songnodes.schemas.silver.SilverPlaylist;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * For each new version of a playlist: its contribution to every transition it implies now, and a
 * removal for every transition its previous version implied and this one does not.
 */
final class PlaylistDiffProcessor implements Processor<String, SilverPlaylist, String, TransitionContributions> {

    private ProcessorContext<String, TransitionContributions> context;
    private KeyValueStore<String, String> previous;

    @Override
    public void init(ProcessorContext<String, TransitionContributions> context) {
        this.context = context;
        this.previous = context.getStateStore(TransitionsTopology.PLAYLIST_EDGES_STORE);
    }

    @Override
    public void process(Record<String, SilverPlaylist> record) {
        String playlist = record.key();
        Map<String, PlaylistContribution> now = PlaylistTransitions.of(record.value());
        Set<String> before = new LinkedHashSet<>();
        String stored = previous.get(playlist);
        if (stored != null && !stored.isEmpty()) {
            before.addAll(Arrays.asList(stored.split("\n")));
        }
        for (String gone : before) {
            if (!now.containsKey(gone)) {
                context.forward(record.withKey(gone).withValue(update(gone).setRemovedPlaylist(playlist).build()));
            }
        }
        now.forEach((edge, contribution) ->
                context.forward(record.withKey(edge).withValue(update(edge).setContributions(Map.of(playlist, contribution)).build())));
        if (now.isEmpty()) {
            previous.delete(playlist);
        } else {
            previous.put(playlist, String.join("\n", now.keySet()));
        }
    }

    private static TransitionContributions.Builder update(String edge) {
        int arrow = edge.indexOf("->");
        return TransitionContributions.newBuilder().setFromTrack(edge.substring(0, arrow)).setToTrack(edge.substring(arrow + 2))
                .setContributions(Map.of());
    }
}
