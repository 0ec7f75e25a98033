package io.songnodes.enrich;

import io.songnodes.platform.text.VersionNames;
import io.songnodes.schemas.enrichment.EnrichmentRequest;
import io.songnodes.schemas.enrichment.EnrichmentTrackState;
import io.songnodes.schemas.enrichment.RequestReason;
import io.songnodes.schemas.enrichment.WaterfallRule;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.schemas.silver.TrackVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A track's first play requests its enrichment; later plays request nothing. On the wall clock,
 * a track is requested again when its enrichment expired, or when the rule of a field it lacks
 * changed since. A track with a request outstanding is not asked again until the request counts as
 * lost.
 */
final class RequestOncePerTrack implements Processor<String, TrackPlay, String, EnrichmentRequest> {

    private final String tracksStore;
    private final String rulesStore;
    private final EnrichmentRequestTopology.Timing timing;
    private ProcessorContext<String, EnrichmentRequest> context;
    private KeyValueStore<String, EnrichmentTrackState> tracks;
    private WaterfallRules rules;

    RequestOncePerTrack(String tracksStore, String rulesStore, EnrichmentRequestTopology.Timing timing) {
        this.tracksStore = tracksStore;
        this.rulesStore = rulesStore;
        this.timing = timing;
    }

    @Override
    public void init(ProcessorContext<String, EnrichmentRequest> context) {
        this.context = context;
        this.tracks = context.getStateStore(tracksStore);
        TimestampedKeyValueStore<String, WaterfallRule> configured = context.getStateStore(rulesStore);
        this.rules = new WaterfallRules(field -> {
            ValueAndTimestamp<WaterfallRule> rule = configured.get(field);
            return rule == null ? null : rule.value();
        });
        context.schedule(timing.recheckEvery(), PunctuationType.WALL_CLOCK_TIME, this::recheck);
    }

    @Override
    public void process(Record<String, TrackPlay> record) {
        if (tracks.get(record.key()) != null) {
            return;
        }
        TrackPlay play = record.value();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        List<String> remixers = play.getVersions().stream().flatMap(v -> v.getRemixers().stream()).toList();
        EnrichmentTrackState state = EnrichmentTrackState.newBuilder().setTrackKey(record.key()).setArtists(play.getArtists())
                .setTitle(play.getTitle()).setVersion(version(play.getVersions())).setRemixers(remixers).setRequestedAt(now).build();
        tracks.put(record.key(), state);
        context.forward(new Record<>(record.key(), request(state, RequestReason.NEW_TRACK, List.of(), now), record.timestamp()));
    }

    private void recheck(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        List<KeyValue<String, EnrichmentTrackState>> again = new ArrayList<>();
        try (KeyValueIterator<String, EnrichmentTrackState> all = tracks.all()) {
            while (all.hasNext()) {
                KeyValue<String, EnrichmentTrackState> next = all.next();
                EnrichmentTrackState state = next.value;
                List<String> changed = List.of();
                RequestReason reason = null;
                if (state.getEnrichedAt() == null || state.getRequestedAt().isAfter(state.getEnrichedAt())) {
                    // A request is outstanding; one unanswered for too long was lost (dead-lettered, expired on its topic).
                    reason = state.getRequestedAt().plus(timing.requestTimeout()).isBefore(now) ? RequestReason.EXPIRED : null;
                } else if (state.getEnrichedAt().plus(timing.expireAfter()).isBefore(now)) {
                    reason = RequestReason.EXPIRED;
                } else {
                    changed = changedRules(state);
                    reason = changed.isEmpty() ? null : RequestReason.WATERFALL_CHANGED;
                }
                if (reason != null) {
                    again.add(KeyValue.pair(next.key, state));
                    context.forward(new Record<>(next.key, request(state, reason, changed, now), wallClockMs));
                }
            }
        }
        // Written after the iterator is closed: a store is not changed under its own iterator.
        again.forEach(kv -> tracks.put(kv.key, EnrichmentTrackState.newBuilder(kv.value).setRequestedAt(now).build()));
    }

    /** The fields the track lacks whose rule is newer than the one its last result was made with. */
    private List<String> changedRules(EnrichmentTrackState state) {
        Map<String, Long> applied = state.getWaterfallVersions();
        return state.getMissing().stream()
                .filter(field -> rules.rule(TrackField.fromId(field)).getVersion() > applied.getOrDefault(field, 0L))
                .toList();
    }

    private static EnrichmentRequest request(EnrichmentTrackState state, RequestReason reason, List<String> fields, Instant now) {
        return EnrichmentRequest.newBuilder().setTrackKey(state.getTrackKey()).setArtists(state.getArtists()).setTitle(state.getTitle())
                .setVersion(state.getVersion()).setRemixers(state.getRemixers()).setReason(reason).setFields(fields)
                .setRequestedAt(now).build();
    }

    private static String version(List<TrackVersion> versions) {
        return versions.isEmpty() ? null : String.join(", ", versions.stream().map(VersionNames::display).toList());
    }
}
