package io.songnodes.enrich.providers;

import static io.songnodes.enrich.providers.ProviderHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.songnodes.enrich.TrackField;
import io.songnodes.enrich.TrackQuery;
import java.net.http.HttpClient;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Discogs database search over releases, for label, catalogue number and style. Needs a personal
 * access token ({@code token}), sent in the {@code Authorization} header.
 */
public final class DiscogsProvider extends ProviderBase {

    private static final String NAME = "discogs";
    /** Discogs tells same-named artists apart with a number: {@code Dax J (2)}. */
    private static final Pattern NAME_NUMBER = Pattern.compile(" \\(\\d+\\)(?=$|[ ,])");

    private final ProviderSettings settings;
    private final ProviderHttp http;

    public DiscogsProvider(ProviderSettings settings, HttpClient client) {
        super(NAME, TrackField.LABEL, TrackField.CATALOG_NUMBER, TrackField.GENRE, TrackField.RELEASE_DATE, TrackField.EXTERNAL_IDS);
        this.settings = settings;
        this.http = new ProviderHttp(settings, client, ProviderHttp.Errors.NONE);
    }

    @Override
    public List<Candidate> search(TrackQuery query) throws ProviderException {
        String q = query.artistText() + " - " + query.fullTitle();
        return ProviderHttp.each(http.get(http.uri("/database/search", "q", q, "type", "release", "per_page", "10"),
                "Authorization", "Discogs token=" + settings.credential("token")), "/results", DiscogsProvider::release);
    }

    private static Candidate release(JsonNode release) {
        // A result's title is "Artist - Release Title", split at the first " - ": release titles often have one more, artist names rarely.
        String title = text(release, "title");
        int dash = title == null ? -1 : title.indexOf(" - ");
        String catno = text(release, "catno");
        String style = text(release.path("style").path(0));
        return new CandidateBuilder(NAME, text(release, "id"))
                .artist(dash < 0 ? null : NAME_NUMBER.matcher(title.substring(0, dash)).replaceAll(""))
                .title(dash < 0 ? title : title.substring(dash + 3))
                .field(TrackField.LABEL, text(release.path("label").path(0)))
                .field(TrackField.CATALOG_NUMBER, "none".equalsIgnoreCase(catno) ? null : catno)
                .field(TrackField.GENRE, style != null ? style : text(release.path("genre").path(0)))
                .releaseDate(text(release, "year"))
                .externalId("release")
                .build();
    }
}
