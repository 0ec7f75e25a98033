package io.songnodes.scrape.fetch;

import io.songnodes.platform.outbound.Backoff;
import io.songnodes.platform.outbound.HostThrottle;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoliteFetchingUnitsTest {

    @Test
    void onlyConfiguredOriginsAreFetched() {
        UrlPolicy policy = new UrlPolicy(Set.of(URI.create("https://www.mixesdb.com"), URI.create("http://127.0.0.1:8089")));
        assertThat(policy.refusal(URI.create("https://www.mixesdb.com/w/Some_Mix"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://WWW.MIXESDB.COM:443/w/Some_Mix"))).isEmpty();
        assertThat(policy.refusal(URI.create("http://127.0.0.1:8089/tracklist/1/x.html"))).isEmpty();
        assertThat(policy.refusal(URI.create("http://169.254.169.254/latest/meta-data"))).hasValueSatisfying(r -> assertThat(r).contains("not a configured source"));
        assertThat(policy.refusal(URI.create("http://127.0.0.1:8090/"))).as("another port is another site").isPresent();
        assertThat(policy.refusal(URI.create("http://www.mixesdb.com/w/x"))).as("scheme is part of the origin").isPresent();
        assertThat(policy.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(policy.refusal(URI.create("https://user:pw@www.mixesdb.com/w/x"))).isPresent();
    }

    @Test
    void backoffGrowsWithJitterAndHonoursRetryAfter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), new Random(1));
        for (int attempt = 1; attempt <= 8; attempt++) {
            long full = Math.min(60_000, 2_000L << (attempt - 1));
            assertThat(backoff.delay(attempt, Optional.empty()).toMillis()).isBetween(full / 2, full);
        }
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.delay(1, Optional.of(Duration.ofHours(1)))).as("capped").isEqualTo(Duration.ofSeconds(60));
        java.time.Instant now = java.time.Instant.parse("2015-10-21T07:27:00Z");
        assertThat(Backoff.retryAfter(Optional.of(" 3 "), now)).contains(Duration.ofSeconds(3));
        assertThat(Backoff.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"), now)).contains(Duration.ofMinutes(1));
        assertThat(Backoff.retryAfter(Optional.of("Wed, 21 Oct 2015 07:20:00 GMT"), now)).as("a date passed: now").contains(Duration.ZERO);
        assertThat(Backoff.retryAfter(Optional.of("soon"), now)).isEmpty();
    }

    @Test
    void theThrottleSpacesRequestsToAHostByAtLeastTheInterval() throws InterruptedException {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        List<Duration> slept = new ArrayList<>();
        HostThrottle throttle = new HostThrottle(clock, d -> {
            slept.add(d);
            now[0] = now[0].plus(d);
        });
        throttle.acquire("https://a:443", Duration.ofSeconds(15));
        now[0] = now[0].plusSeconds(4);
        throttle.acquire("https://a:443", Duration.ofSeconds(15));
        throttle.acquire("https://b:443", Duration.ofSeconds(15));
        now[0] = now[0].plusSeconds(20);
        throttle.acquire("https://a:443", Duration.ofSeconds(15));
        assertThat(slept).containsExactly(Duration.ofSeconds(11));
    }
}
