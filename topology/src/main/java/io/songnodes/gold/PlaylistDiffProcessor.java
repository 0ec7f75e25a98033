package io.songnodes.gold;

import io.songnodes.schemas.silver.SilverPlaylist;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * For each new version of a playlist: its contribution to every Gold item (a transition, a track)
 * it implies now, and a removal for every item its previous version implied and this one does not.
 *
 * @param <C> what one playlist contributes to one item
 * @param <U> the update record sent, keyed by item, to the item's aggregator
 */
final class PlaylistDiffProcessor<C, U> implements Processor<String, SilverPlaylist, String, U> {

    /** How updates are written: one playlist's contribution to an item, or its removal. */
    interface Updates<C, U> {
        U contribution(String item, String playlist, C contribution);

        U removal(String item, String playlist);
    }

    private final String storeName;
    private final Function<SilverPlaylist, Map<String, C>> items;
    private final Updates<C, U> updates;
    private ProcessorContext<String, U> context;
    private KeyValueStore<String, String> previous;

    PlaylistDiffProcessor(String storeName, Function<SilverPlaylist, Map<String, C>> items, Updates<C, U> updates) {
        this.storeName = storeName;
        this.items = items;
        this.updates = updates;
    }

    @Override
    public void init(ProcessorContext<String, U> context) {
        this.context = context;
        this.previous = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, SilverPlaylist> record) {
        String playlist = record.key();
        Map<String, C> now = items.apply(record.value());
        Set<String> before = new LinkedHashSet<>();
        String stored = previous.get(playlist);
        if (stored != null && !stored.isEmpty()) {
            before.addAll(Arrays.asList(stored.split("\n")));
        }
        for (String gone : before) {
            if (!now.containsKey(gone)) {
                context.forward(record.withKey(gone).withValue(updates.removal(gone, playlist)));
            }
        }
        now.forEach((item, contribution) -> context.forward(record.withKey(item).withValue(updates.contribution(item, playlist, contribution))));
        if (now.isEmpty()) {
            previous.delete(playlist);
        } else {
            previous.put(playlist, String.join("\n", now.keySet()));
        }
    }
}
