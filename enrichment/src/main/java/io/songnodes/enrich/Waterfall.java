package io.songnodes.enrich;

import io.songnodes.enrich.providers.Candidate;
import io.songnodes.enrich.providers.ProviderException;
import io.songnodes.schemas.enrichment.EnrichmentRequest;
import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.FieldValue;
import io.songnodes.schemas.enrichment.WaterfallRule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the waterfall to one track, field by field: the field's providers in order, stopping at
 * the first whose best candidate matches with at least the field's minimum confidence and has a
 * value for it. Each provider is asked at most once per track (its answer serves every field).
 * Whatever stays empty says why, provider by provider; a provider that was down makes the request
 * worth retrying.
 */
public final class Waterfall {

    /** The result, and whether (and for which fields) a provider outage left a field empty that asking again may fill. */
    public record Enrichment(EnrichmentResult result, boolean retry, String outage) {
    }

    private final Map<String, GuardedProvider> providers;
    private final WaterfallRules rules;
    private final TrackMatcher matcher = new TrackMatcher();
    private final Clock clock;

    public Waterfall(List<GuardedProvider> providers, WaterfallRules rules, Clock clock) {
        this.providers = new LinkedHashMap<>();
        providers.forEach(p -> this.providers.put(p.name(), p));
        this.rules = rules;
        this.clock = clock;
    }

    public Enrichment enrich(EnrichmentRequest request) {
        Asking asking = new Asking(query(request));
        Map<String, FieldValue> values = new HashMap<>();
        Map<String, String> missing = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        List<String> retryFor = new ArrayList<>();
        // Every field, always: a result replaces the last one on the compacted topic, so it must be whole.
        for (TrackField field : TrackField.values()) {
            WaterfallRule rule = rules.rule(field);
            versions.put(field.id(), rule.getVersion());
            if (!rule.getEnabled()) {
                missing.put(field.id(), "not enriched: disabled in the waterfall");
                continue;
            }
            List<String> reasons = new ArrayList<>();
            for (String name : rule.getProviders()) {
                Optional<FieldValue> value = asking.value(name, field, rule.getMinConfidence(), reasons);
                if (value.isPresent()) {
                    values.put(field.id(), value.get());
                    break;
                }
            }
            if (!values.containsKey(field.id())) {
                missing.put(field.id(), reasons.isEmpty() ? "no provider configured for " + field.id() : String.join("; ", reasons));
                rule.getProviders().stream().filter(asking.outages::containsKey).findFirst()
                        .ifPresent(down -> retryFor.add(field.id() + " (" + asking.outages.get(down) + ")"));
            }
        }
        EnrichmentResult result = EnrichmentResult.newBuilder().setTrackKey(request.getTrackKey()).setValues(values).setMissing(missing)
                .setEnrichedAt(clock.instant()).setWaterfallVersions(versions).build();
        return new Enrichment(result, !retryFor.isEmpty(), String.join("; ", retryFor));
    }

    private static TrackQuery query(EnrichmentRequest request) {
        return new TrackQuery(request.getTrackKey(), request.getArtists(), request.getTitle() == null ? "" : request.getTitle(),
                request.getVersion(), request.getRemixers(), null);
    }

    private record Scored(Candidate candidate, TrackMatcher.Match match) {
    }

    /** One track's questions to the providers: each provider searched at most once, its best candidate completed at most once. */
    private final class Asking {
        private TrackQuery query;
        /** The ISRC once a provider gave it: later providers that can look it up do (fields are filled in TrackField order, ISRC first). */
        private String isrc;
        /** Each provider's best candidate for this track, scored once. */
        private final Map<String, Scored> best = new HashMap<>();
        /** Each provider's best candidate with the fields its second call adds. */
        private final Map<String, Candidate> completed = new HashMap<>();
        /** Why a provider gave nothing usable, by provider (or provider@confidence for a match below it). */
        private final Map<String, String> noMatch = new HashMap<>();
        /** Providers that were down or refused for now, with why. */
        private final Map<String, String> outages = new HashMap<>();

        Asking(TrackQuery query) {
            this.query = query;
        }

        Optional<FieldValue> value(String name, TrackField field, double minConfidence, List<String> reasons) {
            GuardedProvider provider = providers.get(name);
            if (provider == null) {
                reasons.add(name + ": not enabled");
                return Optional.empty();
            }
            if (!provider.fields().contains(field)) {
                reasons.add(name + ": does not supply " + field.id());
                return Optional.empty();
            }
            Optional<Candidate> match = match(provider, minConfidence);
            if (match.isEmpty()) {
                reasons.add(name + ": " + noMatch.getOrDefault(name, noMatch.get(name + "@" + minConfidence)));
                return Optional.empty();
            }
            String value = match.get().fields().get(field);
            if (value == null) {
                reasons.add(name + ": matched, but has no " + field.id());
                return Optional.empty();
            }
            double confidence = best.get(name).match().confidence();
            if (field == TrackField.ISRC) {
                isrc = value;
            }
            return Optional.of(new FieldValue(value, name, confidence, clock.instant()));
        }

        private Optional<Candidate> match(GuardedProvider provider, double minConfidence) {
            String name = provider.name();
            if (noMatch.containsKey(name)) {
                return Optional.empty(); // skipped, failed or empty once already: not asked again for this track
            }
            if (!best.containsKey(name) && !choose(provider)) {
                return Optional.empty();
            }
            Scored chosen = best.get(name);
            if (chosen.match().confidence() < minConfidence) {
                noMatch.put(name + "@" + minConfidence, String.format("best candidate %s - %s at %.2f, below %.2f (%s)",
                        String.join(", ", chosen.candidate().artists()), chosen.candidate().title(), chosen.match().confidence(),
                        minConfidence, chosen.match().why()));
                return Optional.empty();
            }
            if (!completed.containsKey(name)) {
                List<Candidate> full = answered(provider, provider.complete(chosen.candidate()));
                if (full == null || full.isEmpty()) {
                    return Optional.empty();
                }
                completed.put(name, full.get(0));
                trustDuration(full.get(0));
            }
            return Optional.of(completed.get(name));
        }

        /** Asks the provider once and scores its candidates once; false (reason noted) when it has none to offer. */
        private boolean choose(GuardedProvider provider) {
            List<Candidate> candidates = byIsrc(provider);
            if (candidates == null || candidates.isEmpty()) {
                candidates = answered(provider, provider.search(query));
            }
            if (candidates == null) {
                return false;
            }
            if (candidates.isEmpty()) {
                noMatch.put(provider.name(), "no candidate");
                return false;
            }
            Scored top = null;
            for (Candidate candidate : candidates) {
                TrackMatcher.Match match = matcher.score(query, candidate);
                if (top == null || match.confidence() > top.match().confidence()) {
                    top = new Scored(candidate, match);
                }
            }
            best.put(provider.name(), top);
            return true;
        }

        /**
         * Where the ISRC is known already and the provider can look it up: its recordings, exactly; else
         * null. Not when the text search's answer is cached (a retry), which costs no call at all.
         */
        private List<Candidate> byIsrc(GuardedProvider provider) {
            return isrc == null || !provider.looksUpIsrc() || provider.remembers(query) ? null : answered(provider, provider.byIsrc(isrc));
        }

        /** A matched candidate's duration checks later providers' candidates. */
        private void trustDuration(Candidate full) {
            if (query.durationSeconds() == null && full.fields().containsKey(TrackField.DURATION)) {
                query = new TrackQuery(query.trackKey(), query.artists(), query.title(), query.version(), query.remixers(),
                        Integer.valueOf(full.fields().get(TrackField.DURATION)));
            }
        }

        /** The candidates, or null with the reason noted when the provider was skipped or failed. */
        private List<Candidate> answered(GuardedProvider provider, GuardedProvider.Outcome outcome) {
            if (outcome instanceof GuardedProvider.Answered a) {
                return a.candidates();
            }
            String name = provider.name();
            if (outcome instanceof GuardedProvider.Skipped s) {
                noMatch.put(name, "skipped, " + s.reason());
                if (s.outage()) {
                    outages.put(name, name + " " + s.reason());
                }
                return null;
            }
            ProviderException error = ((GuardedProvider.Failed) outcome).error();
            noMatch.put(name, "failed, " + error.kind() + ": " + error.getMessage());
            if (error.retryable()) {
                outages.put(name, name + " " + error.kind() + ": " + error.getMessage());
            }
            return null;
        }
    }
}
