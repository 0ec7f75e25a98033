package io.songnodes.enrich.providers;

import static io.songnodes.enrich.providers.ProviderHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.songnodes.enrich.TrackField;
import io.songnodes.enrich.TrackQuery;
import java.net.http.HttpClient;
import java.util.List;

/** The iTunes Search API (no key): free-text song search; each song carries the store's primary genre for it. */
public final class ItunesProvider extends ProviderBase {

    private static final String NAME = "itunes";

    private final ProviderHttp http;

    public ItunesProvider(ProviderSettings settings, HttpClient client) {
        super(NAME, TrackField.GENRE, TrackField.RELEASE_DATE, TrackField.DURATION, TrackField.EXTERNAL_IDS);
        this.http = new ProviderHttp(settings, client, ProviderHttp.Errors.NONE);
    }

    @Override
    public List<Candidate> search(TrackQuery query) throws ProviderException {
        // The term has no field syntax: artist and title words together.
        String term = query.artistText() + " " + query.fullTitle();
        return ProviderHttp.each(http.get(http.uri("/search", "term", term, "entity", "song", "media", "music", "limit", "10")),
                "/results", ItunesProvider::song);
    }

    private static Candidate song(JsonNode song) {
        return new CandidateBuilder(NAME, text(song, "trackId"))
                .artist(text(song, "artistName"))
                .title(text(song, "trackName"))
                .durationMillis(song.path("trackTimeMillis").asLong())
                .field(TrackField.GENRE, text(song, "primaryGenreName"))
                .releaseDate(text(song, "releaseDate"))
                .externalId("track")
                .build();
    }
}
