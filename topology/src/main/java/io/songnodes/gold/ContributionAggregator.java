package io.songnodes.gold;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each Gold item's contributions by playlist and publishes what they add up to, or a
 * tombstone when no playlist contributes any more.
 *
 * @param <C> one playlist's contribution
 * @param <S> the item's state (also the update record: one contribution, or a removed playlist)
 * @param <O> the published item
 */
final class ContributionAggregator<C, S, O> implements Processor<String, S, String, O> {

    /** How the state record of an item is read, written and turned into the published item. */
    interface Shape<C, S, O> {
        Map<String, C> contributions(S state);

        String removedPlaylist(S update);

        S state(S update, Map<String, C> contributions);

        O output(String item, Map<String, C> contributions);
    }

    private final String storeName;
    private final Shape<C, S, O> shape;
    private ProcessorContext<String, O> context;
    private KeyValueStore<String, S> store;

    ContributionAggregator(String storeName, Shape<C, S, O> shape) {
        this.storeName = storeName;
        this.shape = shape;
    }

    @Override
    public void init(ProcessorContext<String, O> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, S> record) {
        S update = record.value();
        S state = store.get(record.key());
        Map<String, C> byPlaylist = new HashMap<>(state == null ? Map.of() : shape.contributions(state));
        if (shape.removedPlaylist(update) != null) {
            byPlaylist.remove(shape.removedPlaylist(update));
        }
        byPlaylist.putAll(shape.contributions(update));
        if (byPlaylist.isEmpty()) {
            store.delete(record.key());
            context.forward(record.withValue(null));
            return;
        }
        store.put(record.key(), shape.state(update, byPlaylist));
        context.forward(record.withValue(shape.output(record.key(), byPlaylist)));
    }
}
