package io.songnodes.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.songnodes.enrich.providers.DeezerProvider;
import io.songnodes.enrich.providers.MetadataProvider;
import io.songnodes.enrich.providers.MusicBrainzProvider;
import io.songnodes.enrich.providers.ProviderSettings;
import io.songnodes.enrich.providers.ReplayServer;
import io.songnodes.platform.outbound.Backoff;
import io.songnodes.platform.outbound.HostThrottle;
import io.songnodes.schemas.enrichment.EnrichmentRequest;
import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.RequestReason;
import io.songnodes.schemas.enrichment.WaterfallRule;
import io.songnodes.scrape.simulator.Catalog;
import io.songnodes.scrape.simulator.Hit;
import io.songnodes.scrape.simulator.ProviderSimulator;
import io.songnodes.scrape.simulator.ProviderSimulator.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waterfall with real provider clients against local servers speaking the providers' APIs. */
class WaterfallTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Catalog CATALOG = Catalog.generate(Catalog.Shape.demo(42));
    /** Original (not remixed) tracks of the simulated world, each once. */
    private static final List<Catalog.Track> TRACKS = new ArrayList<>(new LinkedHashSet<>(CATALOG.sets().stream()
            .flatMap(s -> s.plays().stream()).filter(p -> !p.unidentified() && p.track().remix() == null).map(Catalog.Play::track).toList()));

    private final Map<String, WaterfallRule> rules = new HashMap<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ProviderSimulator simulator;
    private ReplayServer replay;

    @BeforeEach
    void start() {
        simulator = ProviderSimulator.start(CATALOG).latency(Duration.ZERO);
        replay = ReplayServer.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        replay.close();
    }

    private GuardedProvider guard(MetadataProvider provider, double rate, long budget, int maxAttempts) {
        ProviderConfig config = new ProviderConfig(settings(provider.name(), URI.create("http://unused")), true, rate, budget, 0.001,
                Duration.ofDays(30));
        return new GuardedProvider(provider, config, AnswerCache.inMemory(Clock.systemUTC()), new DailyBudget(budget, Clock.systemUTC()),
                HostThrottle.realTime(), new GuardedProvider.Tuning(maxAttempts, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5),
                new Random(1)), Duration.ofDays(1), 4, Duration.ofSeconds(5), Duration.ofMinutes(1)), meters);
    }

    private static ProviderSettings settings(String name, URI base) {
        return new ProviderSettings(name, base, Optional.empty(), "SongNodes-test/0.1", Duration.ofSeconds(2), Map.of());
    }

    private MetadataProvider musicBrainz(URI base) {
        return new MusicBrainzProvider(settings("musicbrainz", base), HTTP);
    }

    private MetadataProvider deezer() {
        return new DeezerProvider(settings("deezer", simulator.baseUrl(Api.DEEZER)), HTTP);
    }

    private void rule(TrackField field, String... providers) {
        rules.put(field.id(), WaterfallRule.newBuilder().setField(field.id()).setProviders(List.of(providers)).setMinConfidence(0.85)
                .setVersion(1).build());
    }

    private Waterfall waterfall(GuardedProvider... providers) {
        return new Waterfall(List.of(providers), new WaterfallRules(rules::get), Clock.systemUTC());
    }

    private static EnrichmentRequest request(Catalog.Track track) {
        return EnrichmentRequest.newBuilder().setTrackKey("t-" + track.name()).setArtists(List.of(track.artist())).setTitle(track.title())
                .setReason(RequestReason.NEW_TRACK).setRequestedAt(Instant.now()).build();
    }

    @Test
    void aProviderWithNoConfidentMatchFallsThroughToTheNext() {
        // This MusicBrainz knows one recording, of another artist: never to be taken for the track asked about.
        replay.on("/ws/2/recording", ReplayServer.Reply.json("musicbrainz/recording-search.json"));
        rule(TrackField.ISRC, "musicbrainz", "deezer");
        Waterfall.Enrichment done = waterfall(guard(musicBrainz(replay.baseUrl()), 100, 1000, 1), guard(deezer(), 100, 1000, 1))
                .enrich(request(TRACKS.get(0)));
        EnrichmentResult result = done.result();
        assertThat(result.getValues().get("isrc").getProvider()).isEqualTo("deezer");
        assertThat(result.getValues().get("isrc").getValue()).matches("XX[A-Z0-9]{3}\\d{7}");
        assertThat(result.getValues().get("isrc").getConfidence()).isGreaterThanOrEqualTo(0.85);
        assertThat(result.getMissing().get("label")).contains("discogs: not enabled");
        assertThat(result.getMissing().get("key")).isEqualTo("no provider configured for key");
        assertThat(done.retry()).as("nothing was down").isFalse();
    }

    @Test
    void anIsrcFoundFirstIsLookedUpExactlyByTheProvidersThatCan() {
        rule(TrackField.ISRC, "deezer");
        rule(TrackField.RELEASE_DATE, "musicbrainz");
        EnrichmentResult result = waterfall(guard(musicBrainz(simulator.baseUrl(Api.MUSICBRAINZ)), 100, 1000, 1), guard(deezer(), 100, 1000, 1))
                .enrich(request(TRACKS.get(0))).result();
        String isrc = result.getValues().get("isrc").getValue();
        assertThat(result.getValues().get("release_date").getProvider()).isEqualTo("musicbrainz");
        assertThat(simulator.requests(Api.MUSICBRAINZ, "/ws/2/isrc/" + isrc)).isEqualTo(1);
        assertThat(simulator.requests(Api.MUSICBRAINZ, "/ws/2/recording")).as("no text search needed").isZero();
    }

    @Test
    void aProviderThatIsDownOpensItsBreakerAndTheWaterfallFallsThrough() {
        simulator.failing(Api.MUSICBRAINZ, true);
        rule(TrackField.ISRC, "musicbrainz", "deezer");
        rule(TrackField.RELEASE_DATE, "musicbrainz");
        GuardedProvider mb = guard(musicBrainz(simulator.baseUrl(Api.MUSICBRAINZ)), 100, 1000, 1);
        Waterfall waterfall = waterfall(mb, guard(deezer(), 100, 1000, 1));
        List<Waterfall.Enrichment> done = TRACKS.subList(0, 6).stream().map(t -> waterfall.enrich(request(t))).toList();
        assertThat(done).allSatisfy(d -> assertThat(d.result().getValues().get("isrc").getProvider()).isEqualTo("deezer"));
        assertThat(done).as("release_date has no other provider: worth retrying").allSatisfy(d -> assertThat(d.retry()).isTrue());
        assertThat(mb.breakerState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
        assertThat(simulator.requests(Api.MUSICBRAINZ)).as("no call once the breaker is open").isLessThan(6);
        assertThat(done.get(5).result().getMissing().get("release_date")).contains("circuit breaker open");
        assertThat(meters.get("songnodes_enrichment_calls").tag("provider", "musicbrainz").tag("outcome", "skipped_breaker_open").counter().count())
                .isPositive();
    }

    @Test
    void aProviderOverItsDailyBudgetIsSkippedVisibly() {
        rule(TrackField.ISRC, "musicbrainz", "deezer");
        Waterfall waterfall = waterfall(guard(musicBrainz(simulator.baseUrl(Api.MUSICBRAINZ)), 100, 1, 1), guard(deezer(), 100, 1000, 1));
        assertThat(waterfall.enrich(request(TRACKS.get(0))).result().getValues().get("isrc").getProvider()).isEqualTo("musicbrainz");
        EnrichmentResult second = waterfall.enrich(request(TRACKS.get(1))).result();
        assertThat(second.getValues().get("isrc").getProvider()).isEqualTo("deezer");
        assertThat(simulator.requests(Api.MUSICBRAINZ)).isEqualTo(1);
        assertThat(meters.get("songnodes_enrichment_budget_remaining").tag("provider", "musicbrainz").gauge().value()).isZero();
    }

    @Test
    void aRuleChangeAppliesToTheNextTrackWithoutARestart() {
        rule(TrackField.ISRC, "musicbrainz");
        Waterfall waterfall = waterfall(guard(musicBrainz(simulator.baseUrl(Api.MUSICBRAINZ)), 100, 1000, 1), guard(deezer(), 100, 1000, 1));
        assertThat(waterfall.enrich(request(TRACKS.get(0))).result().getValues().get("isrc").getProvider()).isEqualTo("musicbrainz");
        rule(TrackField.ISRC, "deezer", "musicbrainz");
        assertThat(waterfall.enrich(request(TRACKS.get(1))).result().getValues().get("isrc").getProvider()).isEqualTo("deezer");
    }

    @Test
    void aRateLimitAnswerIsWaitedOutForAsLongAsRetryAfterSays() {
        simulator.rateLimited(Api.DEEZER, 1, 1);
        rule(TrackField.BPM, "deezer");
        rule(TrackField.ISRC, "deezer");
        EnrichmentResult result = waterfall(guard(deezer(), 100, 1000, 3)).enrich(request(TRACKS.get(0))).result();
        assertThat(result.getValues()).containsKey("isrc");
        List<Hit> hits = simulator.hits();
        assertThat(hits.get(0).status()).isEqualTo(429);
        assertThat(Duration.between(hits.get(0).at(), hits.get(1).at())).as("Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void theMeasuredRequestRateNeverExceedsTheProvidersLimit() {
        rule(TrackField.ISRC, "musicbrainz");
        Waterfall waterfall = waterfall(guard(musicBrainz(simulator.baseUrl(Api.MUSICBRAINZ)), 5, 1000, 1));
        waterfall.enrich(request(TRACKS.get(0))); // connections and JIT warm, so arrivals show the spacing rather than set-up
        TRACKS.subList(1, 9).parallelStream().forEach(t -> waterfall.enrich(request(t)));
        List<Instant> at = simulator.hits().stream().map(Hit::at).sorted().skip(1).toList();
        assertThat(at).hasSize(8);
        Duration shortest = Duration.ofDays(1);
        for (int i = 1; i < at.size(); i++) {
            Duration gap = Duration.between(at.get(i - 1), at.get(i));
            shortest = gap.compareTo(shortest) < 0 ? gap : shortest;
        }
        double rate = (at.size() - 1) / (Duration.between(at.get(0), at.get(at.size() - 1)).toNanos() / 1e9);
        System.out.printf("WaterfallTest: 8 concurrent MusicBrainz calls limited to 5/s arrived at %.2f/s; shortest gap between two arrivals %d ms (interval 200 ms)%n",
                rate, shortest.toMillis());
        assertThat(rate).isLessThanOrEqualTo(5.0);
        // Spacing is strict where requests start; arrival jitters on a loaded 2-core machine.
        assertThat(shortest).isGreaterThanOrEqualTo(Duration.ofMillis(140));
    }
}
