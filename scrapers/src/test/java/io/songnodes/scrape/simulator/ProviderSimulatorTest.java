package io.songnodes.scrape.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.platform.text.TextFold;
import io.songnodes.scrape.simulator.Catalog.Track;
import io.songnodes.scrape.simulator.ProviderSimulator.Api;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderSimulatorTest {

    private static final long SEED = 42;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Catalog catalog = Catalog.generate(Catalog.Shape.demo(SEED));
    private final List<ProviderSimulator> started = new ArrayList<>();
    private ProviderSimulator simulator;

    @BeforeEach
    void start() {
        simulator = started(catalog);
    }

    @AfterEach
    void stop() {
        started.forEach(ProviderSimulator::close);
    }

    @Test
    void aCatalogueTrackIsFoundByArtistAndTitleOnBothServicesWithTheSameIsrcAndDuration() throws Exception {
        Track track = tracks(catalog).stream().filter(t -> t.remix() != null).findFirst().orElseThrow();
        String title = track.title() + " (" + track.remix() + ")";

        JsonNode found = musicBrainzSearch(simulator, track.artist(), title);
        JsonNode recording = found.get("recordings").get(0);
        assertThat(recording.get("score").asInt()).isEqualTo(100);
        assertThat(recording.get("title").asText()).isEqualTo(title);
        assertThat(recording.at("/artist-credit/0/name").asText()).isEqualTo(track.artist());
        assertThat(recording.at("/artist-credit/0/artist/id").asText()).matches("[0-9a-f-]{36}");
        assertThat(recording.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(recording.get("first-release-date").asText()).isEqualTo(recording.at("/releases/0/date").asText());
        String isrc = recording.at("/isrcs/0").asText();
        assertThat(isrc).matches("XX[A-Z]{3}\\d{7}");
        assertThat(isrc.substring(5, 7)).isEqualTo(recording.get("first-release-date").asText().substring(2, 4));
        assertThat(found.get("count").asInt()).isEqualTo(found.get("recordings").size());
        assertThat(found.get("offset").asInt()).isZero();
        assertThat(found.get("created").asText()).endsWith("Z");

        JsonNode searched = deezerSearch(simulator, track.artist(), title);
        JsonNode hit = searched.at("/data/0");
        assertThat(hit.get("title").asText()).isEqualTo(title);
        assertThat(hit.get("title_short").asText()).isEqualTo(track.title());
        assertThat(hit.get("title_version").asText()).isEqualTo("(" + track.remix() + ")");
        assertThat(hit.at("/artist/name").asText()).isEqualTo(track.artist());
        assertThat(hit.get("duration").asInt()).isEqualTo(Math.round(recording.get("length").asInt() / 1000f));
        JsonNode detail = get(simulator.baseUrl(Api.DEEZER) + "/track/" + hit.get("id").asInt()).body;
        assertThat(detail.get("isrc").asText()).isEqualTo(isrc);
        assertThat(detail.get("release_date").asText()).isEqualTo(recording.get("first-release-date").asText());

        JsonNode byIsrc = get(simulator.baseUrl(Api.MUSICBRAINZ) + "/ws/2/isrc/" + isrc + "?fmt=json").body;
        assertThat(byIsrc.get("isrc").asText()).isEqualTo(isrc);
        assertThat(byIsrc.get("recordings")).extracting(r -> r.get("id").asText()).contains(recording.get("id").asText());
    }

    @Test
    void namesAreMatchedWhateverTheirCaseAccentsAndPunctuation() throws Exception {
        Track track = tracks(catalog).stream().filter(t -> !t.artist().matches("[A-Za-z ]+")).findFirst().orElseThrow();
        String artist = TextFold.fold(track.artist()).toUpperCase();
        String title = track.remix() == null ? track.title() : track.title() + " - " + track.remix();

        JsonNode recording = musicBrainzSearch(simulator, artist, title).at("/recordings/0");
        assertThat(recording.at("/artist-credit/0/name").asText()).isEqualTo(track.artist());
        assertThat(deezerSearch(simulator, artist, title).at("/data/0/artist/name").asText()).isEqualTo(track.artist());
    }

    @Test
    void musicBrainzAlsoListsOtherArtistsTracksOfTheTitleAtALowerScore() throws Exception {
        int queriesWithNamesakes = 0;
        for (Track track : tracks(catalog)) {
            JsonNode recordings = musicBrainzSearch(simulator, track.artist(), track.name().substring(track.artist().length() + 3))
                    .get("recordings");
            assertThat(recordings.get(0).at("/artist-credit/0/name").asText()).isEqualTo(track.artist());
            boolean namesakes = false;
            for (JsonNode recording : recordings) {
                if (!recording.at("/artist-credit/0/name").asText().equals(track.artist())) {
                    namesakes = true;
                    assertThat(recording.get("score").asInt()).isLessThan(100);
                    assertThat(TextFold.fold(recording.get("title").asText())).startsWith(TextFold.fold(track.title()));
                }
            }
            queriesWithNamesakes += namesakes ? 1 : 0;
        }
        assertThat(queriesWithNamesakes).isBetween(1, tracks(catalog).size() - 1);
    }

    @Test
    void theDeezerTrackDetailHasTheDocumentedFieldsAndAboutAQuarterOfTracksHaveNoBpm() throws Exception {
        int withoutBpm = 0;
        List<Track> tracks = tracks(catalog);
        for (Track track : tracks) {
            int id = deezerSearch(simulator, track.artist(), track.name().substring(track.artist().length() + 3)).at("/data/0/id").asInt();
            Reply reply = get(simulator.baseUrl(Api.DEEZER) + "/track/" + id);
            assertThat(reply.status).isEqualTo(200);
            JsonNode detail = reply.body;
            assertThat(detail.get("id").asInt()).isEqualTo(id);
            assertThat(detail.get("readable").asBoolean()).isTrue();
            assertThat(detail.get("title").asText()).isEqualTo(track.name().substring(track.artist().length() + 3));
            assertThat(detail.get("isrc").asText()).matches("XX[A-Z]{3}\\d{7}");
            assertThat(detail.get("duration").asInt()).isBetween(300, 480);
            LocalDate released = LocalDate.parse(detail.get("release_date").asText());
            assertThat(released).isBetween(LocalDate.of(2015, 1, 1), LocalDate.of(2024, 12, 31));
            assertThat(released).isBeforeOrEqualTo(firstPlayed(track));
            double bpm = detail.get("bpm").asDouble();
            if (bpm == 0) {
                withoutBpm++;
                assertThat(detail.get("bpm").isInt()).isTrue();
            } else {
                assertThat(bpm).isBetween(120.0, 140.0);
                assertThat(bpm * 10).isEqualTo(Math.rint(bpm * 10));
            }
            assertThat(detail.get("gain").isNumber()).isTrue();
            assertThat(detail.at("/artist/id").asInt()).isPositive();
            assertThat(detail.at("/artist/name").asText()).isEqualTo(track.artist());
            assertThat(detail.at("/contributors/0/id").asInt()).isEqualTo(detail.at("/artist/id").asInt());
            assertThat(detail.at("/contributors/0/name").asText()).isEqualTo(track.artist());
            assertThat(detail.at("/contributors/0/role").asText()).isEqualTo("Main");
            assertThat(detail.at("/album/id").asInt()).isPositive();
            assertThat(detail.at("/album/title").asText()).startsWith(track.title());
            assertThat(detail.at("/album/release_date").asText()).isEqualTo(released.toString());
        }
        assertThat((double) withoutBpm / tracks.size()).isBetween(0.1, 0.4);
    }

    @Test
    void anUnknownTrackGivesEmptyResultsAndUnknownIdsGiveEachServicesError() throws Exception {
        JsonNode recordings = musicBrainzSearch(simulator, "Nobody", "Nothing At All");
        assertThat(recordings.get("count").asInt()).isZero();
        assertThat(recordings.get("recordings").isArray()).isTrue();
        assertThat(recordings.get("recordings")).isEmpty();

        JsonNode tracks = deezerSearch(simulator, "Nobody", "Nothing At All");
        assertThat(tracks.get("total").asInt()).isZero();
        assertThat(tracks.get("data").isArray()).isTrue();
        assertThat(tracks.get("data")).isEmpty();

        Reply noIsrc = get(simulator.baseUrl(Api.MUSICBRAINZ) + "/ws/2/isrc/XXZZZ9999999?fmt=json");
        assertThat(noIsrc.status).isEqualTo(404);
        assertThat(noIsrc.body.get("error").asText()).isEqualTo("Not Found");

        Reply noTrack = get(simulator.baseUrl(Api.DEEZER) + "/track/1");
        assertThat(noTrack.status).isEqualTo(200);
        assertThat(noTrack.body.at("/error/type").asText()).isEqualTo("DataException");
        assertThat(noTrack.body.at("/error/message").asText()).isEqualTo("no data");
        assertThat(noTrack.body.at("/error/code").asInt()).isEqualTo(800);
    }

    @Test
    void musicBrainzAnswersJsonOnlyWhenAskedForIt() throws Exception {
        Reply xmlWanted = get(simulator.baseUrl(Api.MUSICBRAINZ) + "/ws/2/recording?query=" + encode("artist:\"A\""));
        assertThat(xmlWanted.status).isEqualTo(400);
        assertThat(xmlWanted.body.get("error").asText()).contains("fmt=json");
    }

    @Test
    void aFailingServiceAnswers503UntilItIsBackAndTheOtherServiceIsUnaffected() throws Exception {
        simulator.failing(Api.DEEZER, true);
        Reply down = get(simulator.baseUrl(Api.DEEZER) + "/search?q=" + encode("artist:\"A\" track:\"T\""));
        assertThat(down.status).isEqualTo(503);
        assertThat(down.body.at("/error/code").asInt()).isEqualTo(700);
        assertThat(get(simulator.baseUrl(Api.MUSICBRAINZ) + "/ws/2/isrc/XXZZZ9999999?fmt=json").status).isEqualTo(404);

        simulator.failing(Api.DEEZER, false);
        assertThat(get(simulator.baseUrl(Api.DEEZER) + "/search?q=" + encode("artist:\"A\" track:\"T\"")).status).isEqualTo(200);
    }

    @Test
    void theThrottleAnswersTheNextRequests429WithRetryAfter() throws Exception {
        simulator.rateLimited(Api.MUSICBRAINZ, 2, 7);
        String url = simulator.baseUrl(Api.MUSICBRAINZ) + "/ws/2/recording?fmt=json&query=" + encode("artist:\"A\"");
        for (int i = 0; i < 2; i++) {
            Reply throttled = get(url);
            assertThat(throttled.status).isEqualTo(429);
            assertThat(throttled.retryAfter).isEqualTo("7");
            assertThat(throttled.body.get("error").asText()).contains("rate limit");
        }
        assertThat(get(url).status).isEqualTo(200);
        assertThat(get(simulator.baseUrl(Api.DEEZER) + "/track/1").status).isEqualTo(200);
        assertThat(simulator.hits()).extracting(Hit::status).containsExactly(429, 429, 200, 200);
    }

    @Test
    void aFailureRateFailsThatShareOfRequestsAfterTheLatency() throws Exception {
        simulator.failureRate(1).latency(Duration.ofMillis(150));
        long begun = System.nanoTime();
        Reply reply = get(simulator.baseUrl(Api.MUSICBRAINZ) + "/ws/2/isrc/XXZZZ9999999?fmt=json");
        assertThat(Duration.ofNanos(System.nanoTime() - begun)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(reply.status).isEqualTo(503);
        assertThat(reply.body.get("error").asText()).contains("unavailable");

        simulator.failureRate(0).latency(Duration.ZERO);
        assertThat(get(simulator.baseUrl(Api.MUSICBRAINZ) + "/ws/2/isrc/XXZZZ9999999?fmt=json").status).isEqualTo(404);
    }

    @Test
    void requestsAreCountedPerServiceAndPath() throws Exception {
        simulator.failing(Api.MUSICBRAINZ, true);
        for (int i = 0; i < 3; i++) {
            musicBrainzSearchReply(simulator, "A", "T");
        }
        deezerSearch(simulator, "A", "T");
        get(simulator.baseUrl(Api.DEEZER) + "/track/1");
        get(simulator.baseUrl(Api.DEEZER) + "/track/1");

        assertThat(simulator.requests(Api.MUSICBRAINZ)).isEqualTo(3);
        assertThat(simulator.requests(Api.MUSICBRAINZ, "/ws/2/recording")).isEqualTo(3);
        assertThat(simulator.requests(Api.MUSICBRAINZ, "/ws/2/isrc/XXZZZ9999999")).isZero();
        assertThat(simulator.requests(Api.DEEZER)).isEqualTo(3);
        assertThat(simulator.requests(Api.DEEZER, "/search")).isEqualTo(1);
        assertThat(simulator.requests(Api.DEEZER, "/track/1")).isEqualTo(2);
    }

    @Test
    void theSameSeedGivesTheSameAnswersAndAnotherSeedOthers() throws Exception {
        ProviderSimulator again = started(Catalog.generate(Catalog.Shape.demo(SEED)));
        for (Track track : tracks(catalog)) {
            String title = track.name().substring(track.artist().length() + 3);
            assertThat(musicBrainzSearch(again, track.artist(), title).get("recordings"))
                    .isEqualTo(musicBrainzSearch(simulator, track.artist(), title).get("recordings"));
            JsonNode deezer = deezerSearch(simulator, track.artist(), title);
            assertThat(deezerSearch(again, track.artist(), title)).isEqualTo(deezer);
            String detail = "/track/" + deezer.at("/data/0/id").asInt();
            assertThat(get(again.baseUrl(Api.DEEZER) + detail).body).isEqualTo(get(simulator.baseUrl(Api.DEEZER) + detail).body);
        }


        // Another seed gives the same track other facts.
        Track track = tracks(catalog).get(0);
        LocalDate first = LocalDate.of(2015, 1, 1);
        LocalDate last = LocalDate.of(2024, 12, 31);
        Recording here = Recording.derive(SEED, track, first, last);
        Recording there = Recording.derive(SEED + 1, track, first, last);
        assertThat(Recording.derive(SEED, track, first, last)).isEqualTo(here);
        assertThat(there.isrc()).isNotEqualTo(here.isrc());
        assertThat(there.musicBrainz()).isNotEqualTo(here.musicBrainz());
        assertThat(there.deezer()).isNotEqualTo(here.deezer());
    }

    private ProviderSimulator started(Catalog catalog) {
        ProviderSimulator started = ProviderSimulator.start(catalog).latency(Duration.ZERO);
        this.started.add(started);
        return started;
    }

    /** Each distinct track the sets play, as the simulator's world holds them. */
    private static List<Track> tracks(Catalog catalog) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        catalog.sets().stream().flatMap(s -> s.plays().stream()).map(Catalog.Play::track).filter(Objects::nonNull)
                .forEach(t -> tracks.putIfAbsent(t.name(), t));
        return new ArrayList<>(tracks.values());
    }

    private LocalDate firstPlayed(Track track) {
        return catalog.sets().stream().filter(s -> s.plays().stream().anyMatch(p -> track.equals(p.track())))
                .map(Catalog.DjSet::date).min(LocalDate::compareTo).orElseThrow();
    }

    private JsonNode musicBrainzSearch(ProviderSimulator simulator, String artist, String title) throws Exception {
        Reply reply = musicBrainzSearchReply(simulator, artist, title);
        assertThat(reply.status).isEqualTo(200);
        return reply.body;
    }

    private Reply musicBrainzSearchReply(ProviderSimulator simulator, String artist, String title) throws Exception {
        String query = "artist:\"" + artist + "\" AND recording:\"" + title + "\"";
        return get(simulator.baseUrl(Api.MUSICBRAINZ) + "/ws/2/recording?query=" + encode(query) + "&fmt=json&limit=10");
    }

    private JsonNode deezerSearch(ProviderSimulator simulator, String artist, String title) throws Exception {
        Reply reply = get(simulator.baseUrl(Api.DEEZER) + "/search?q=" + encode("artist:\"" + artist + "\" track:\"" + title + "\"") + "&limit=10");
        assertThat(reply.status).isEqualTo(200);
        return reply.body;
    }

    private record Reply(int status, String retryAfter, JsonNode body) {
    }

    private Reply get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), JSON.readTree(response.body()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
