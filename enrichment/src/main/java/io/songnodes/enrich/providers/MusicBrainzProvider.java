package io.songnodes.enrich.providers;

import io.songnodes.platform.http.UrlEncoding;
import static io.songnodes.enrich.providers.ProviderHttp.text;
import static io.songnodes.enrich.providers.ProviderHttp.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.songnodes.enrich.TrackField;
import io.songnodes.enrich.TrackQuery;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * MusicBrainz WS/2: recording search and ISRC lookup. No key; its one-request-a-second limit is
 * kept by the waterfall's rate limiter. Note that MusicBrainz answers 503 (not 429) to a client
 * over that limit, which arrives here as UNAVAILABLE.
 */
public final class MusicBrainzProvider extends ProviderBase {

    private static final String NAME = "musicbrainz";

    private final ProviderHttp http;

    public MusicBrainzProvider(ProviderSettings settings, HttpClient client) {
        super(NAME, TrackField.ISRC, TrackField.RELEASE_DATE, TrackField.DURATION, TrackField.EXTERNAL_IDS);
        this.http = new ProviderHttp(settings, client, ProviderHttp.Errors.NONE);
    }

    @Override
    public List<Candidate> search(TrackQuery query) throws ProviderException {
        String lucene = "artist:" + phrase(query.artistText()) + " AND recording:" + phrase(query.fullTitle());
        return recordings(http.get(http.uri("/ws/2/recording", "query", lucene, "fmt", "json", "limit", "10")));
    }

    @Override
    public boolean looksUpIsrc() {
        return true;
    }

    /** The recordings that carry an ISRC; empty when MusicBrainz knows none (it answers 404). */
    @Override
    public List<Candidate> byIsrc(String isrc) throws ProviderException {
        // A lookup's recordings list their artists and ISRCs only when asked to (search results always do).
        return recordings(http.lookup(http.uri("/ws/2/isrc/" + UrlEncoding.encode(isrc.strip()),
                "fmt", "json", "inc", "artists isrcs")));
    }

    private static List<Candidate> recordings(Optional<JsonNode> body) {
        return ProviderHttp.each(body, "/recordings", MusicBrainzProvider::recording);
    }

    private static Candidate recording(JsonNode recording) {
        return new CandidateBuilder(NAME, text(recording, "id"))
                .artists(texts(recording.path("artist-credit"), "name"))
                .title(text(recording, "title"))
                .durationMillis(recording.path("length").asLong())
                .isrc(text(recording.path("isrcs").path(0)))
                .releaseDate(text(recording, "first-release-date"))
                .externalId("recording")
                .build();
    }

    /** A Lucene phrase: inside quotes only the quote and the backslash need escaping. */
    private static String phrase(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
