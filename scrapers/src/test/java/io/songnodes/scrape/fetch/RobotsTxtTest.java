package io.songnodes.scrape.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsTxtTest {

    private static final String ROBOTS = """
            # comments are ignored
            User-agent: Googlebot
            Disallow: /

            User-agent: SongNodesBot
            User-agent: OtherBot
            Disallow: /w/Special:
            Disallow: /*.php$
            Allow: /w/api.php$
            Crawl-delay: 20

            User-agent: *
            Disallow: /private/
            Crawl-delay: 5
            """;

    @Test
    void ourGroupWinsOverTheWildcardAndTheLongestRuleWins() {
        RobotsTxt robots = RobotsTxt.parse(ROBOTS, "SongNodesBot");
        assertThat(robots.allows("/w/2017-10-22_-_Ben_Klock")).isTrue();
        assertThat(robots.allows("/w/Special:Random")).isFalse();
        assertThat(robots.allows("/index.php")).isFalse();
        assertThat(robots.allows("/w/api.php")).isTrue();
        assertThat(robots.allows("/x.php5")).as("$ anchors the end").isTrue();
        assertThat(robots.allows("/private/x")).as("the * group does not apply to us").isTrue();
        assertThat(robots.crawlDelay()).contains(Duration.ofSeconds(20));
    }

    @Test
    void othersFallBackToTheWildcardGroup() {
        RobotsTxt robots = RobotsTxt.parse(ROBOTS, "SomeCrawler");
        assertThat(robots.allows("/private/page")).isFalse();
        assertThat(robots.allows("/tracklist/1")).isTrue();
        assertThat(robots.crawlDelay()).contains(Duration.ofSeconds(5));
    }

    @Test
    void onlyOurExactTokenSelectsOurGroupsAndTheyAreMerged() {
        String robots = "\uFEFFUser-agent: bot\nDisallow: /\n\nUser-agent: songnodesbot\nDisallow: /a/\n\n"
                + "User-agent: *\nDisallow: /b/\n\nUser-agent: SongNodesBot\nDisallow: /c/\nCrawl-delay: 3\n";
        RobotsTxt parsed = RobotsTxt.parse(robots, "SongNodesBot");
        assertThat(parsed.allows("/x")).as("'bot' is not our token").isTrue();
        assertThat(parsed.allows("/a/1")).isFalse();
        assertThat(parsed.allows("/c/1")).as("a second group for us is merged").isFalse();
        assertThat(parsed.allows("/b/1")).as("the * group does not apply when ours exists").isTrue();
        assertThat(parsed.crawlDelay()).contains(Duration.ofSeconds(3));
        assertThat(RobotsTxt.parse("\uFEFFUser-agent: *\nDisallow: /\n", "SongNodesBot").allows("/x")).as("a BOM is ignored").isFalse();
    }

    @Test
    void emptyOrAbsentRulesAllowEverything() {
        assertThat(RobotsTxt.parse("", "SongNodesBot").allows("/anything")).isTrue();
        assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "SongNodesBot").allows("/anything")).isTrue();
        assertThat(RobotsTxt.disallowAll().allows("/")).isFalse();
    }
}
