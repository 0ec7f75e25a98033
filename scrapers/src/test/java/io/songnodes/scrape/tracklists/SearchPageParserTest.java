package io.songnodes.scrape.tracklists;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.testkit.SharedFixtures;
import io.songnodes.scrape.Fixtures;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SearchPageParserTest {

    private static final URI SEARCH = URI.create("https://www.1001tracklists.com/search/result.php");

    @Test
    void theRealSearchPageYieldsItsThirtyTracklists() {
        assertThat(new SearchPageParser().tracklistLinks(SharedFixtures.read("1001tracklists/search-amelie-lens-awakenings.html"), SEARCH))
                .hasSize(30).doesNotHaveDuplicates()
                .allSatisfy(u -> assertThat(u.toString()).startsWith("https://www.1001tracklists.com/tracklist/"))
                .contains(URI.create("https://www.1001tracklists.com/tracklist/1wwvw49t/amelie-lens-area-w-awakenings-festival-netherlands-2022-07-31.html"));
    }

    @Test
    void theProjectsOwnSearchPageYieldsDistinctAbsoluteLinks() {
        assertThat(new SearchPageParser().tracklistLinks(Fixtures.read("1001tracklists/search.html"), SEARCH))
                .containsExactly(URI.create("https://www.1001tracklists.com/tracklist/sn000001/ben-klock-berghain-2019-05-05.html"),
                        URI.create("https://www.1001tracklists.com/tracklist/sn000002/ben-klock-awakenings-2017-10-22.html"));
    }
}
