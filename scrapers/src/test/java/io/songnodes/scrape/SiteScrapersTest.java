package io.songnodes.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.scrape.fetch.FetchResult;
import io.songnodes.scrape.mixesdb.MixesDbScraper;
import io.songnodes.scrape.tracklists.TracklistsScraper;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SiteScrapersTest {

    private final MixesDbScraper mixesDb = new MixesDbScraper(URI.create("https://www.mixesdb.com"), Clock.systemUTC());
    private final TracklistsScraper tracklists = new TracklistsScraper(URI.create("https://www.1001tracklists.com"), Clock.systemUTC());

    @Test
    void playlistIdsAndPageKindsComeFromTheUrl() {
        assertThat(mixesDb.playlistId(URI.create("https://www.mixesdb.com/w/2017-10-22_-_Ben_Klock_@_Awakenings")))
                .contains("2017-10-22_-_Ben_Klock_@_Awakenings");
        assertThat(mixesDb.playlistId(URI.create("https://www.mixesdb.com/w/Category:Ben_Klock"))).isEmpty();
        assertThat(mixesDb.playlistId(URI.create("https://www.mixesdb.com/w/api.php?action=parse"))).isEmpty();
        assertThat(tracklists.playlistId(URI.create("https://www.1001tracklists.com/tracklist/19h6nw7t/sven-vath.html"))).contains("19h6nw7t");
        assertThat(tracklists.playlistId(URI.create("https://www.1001tracklists.com/search/result.php"))).isEmpty();
        assertThat(tracklists.isDiscoveryPage(URI.create("https://www.1001tracklists.com/search/result.php"))).isTrue();
        assertThat(mixesDb.apiUrl("2017-10-22_-_Ben_Klock_@_Awakenings").toString())
                .isEqualTo("https://www.mixesdb.com/w/api.php?action=parse&page=2017-10-22_-_Ben_Klock_%40_Awakenings&prop=wikitext%7Ccategories&format=json");
    }

    @Test
    void aPageThatBreaksTheParserIsAParseErrorInBronzeNotACrash() {
        URI url = URI.create("https://www.mixesdb.com/w/2020-01-01_-_X");
        BronzePlaylist bronze = mixesDb.fromFetched(url, "2020-01-01_-_X",
                FetchResult.savedPage("{\"parse\": [truncated".getBytes(StandardCharsets.UTF_8)), Instant.now());
        assertThat(bronze.getOutcome()).isEqualTo(ScrapeOutcome.PARSE_ERROR);
        assertThat(bronze.getScrapeError()).startsWith("java.lang.IllegalArgumentException: MediaWiki API answer is not JSON");
        assertThat(bronze.getContentSha256()).hasSize(64);
        assertThat(BronzeRecords.key(bronze)).isEqualTo("mixesdb:2020-01-01_-_X");
    }

    @Test
    void canonicalUrlsAreOneSpellingPerPage() {
        assertThat(CanonicalUrl.of("HTTPS://WWW.MixesDB.com:443/w/A_B#Tracklist")).isEqualTo(URI.create("https://www.mixesdb.com/w/A_B"));
        assertThat(CanonicalUrl.of("http://127.0.0.1:8089/tracklist/x/y.html?")).isEqualTo(URI.create("http://127.0.0.1:8089/tracklist/x/y.html"));
    }
}
