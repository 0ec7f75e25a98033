package io.songnodes.enrich;

import io.songnodes.enrich.providers.DeezerProvider;
import io.songnodes.enrich.providers.DiscogsProvider;
import io.songnodes.enrich.providers.ItunesProvider;
import io.songnodes.enrich.providers.LastFmProvider;
import io.songnodes.enrich.providers.MetadataProvider;
import io.songnodes.enrich.providers.MusicBrainzProvider;
import io.songnodes.enrich.providers.ProviderSettings;
import io.songnodes.enrich.providers.SpotifyProvider;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The providers SongNodes can ask, by name. */
public final class Providers {

    private static final Map<String, BiFunction<ProviderSettings, HttpClient, MetadataProvider>> CLIENTS = clients();
    public static final List<String> NAMES = List.copyOf(CLIENTS.keySet());

    private Providers() {
    }

    private static Map<String, BiFunction<ProviderSettings, HttpClient, MetadataProvider>> clients() {
        Map<String, BiFunction<ProviderSettings, HttpClient, MetadataProvider>> clients = new LinkedHashMap<>();
        clients.put("musicbrainz", MusicBrainzProvider::new);
        clients.put("deezer", DeezerProvider::new);
        clients.put("itunes", ItunesProvider::new);
        clients.put("spotify", SpotifyProvider::new);
        clients.put("lastfm", LastFmProvider::new);
        clients.put("discogs", DiscogsProvider::new);
        return clients;
    }

    public static MetadataProvider create(ProviderSettings settings, HttpClient http) {
        BiFunction<ProviderSettings, HttpClient, MetadataProvider> client = CLIENTS.get(settings.name());
        if (client == null) {
            throw new IllegalArgumentException("unknown provider " + settings.name() + "; known: " + NAMES);
        }
        return client.apply(settings, http);
    }
}
