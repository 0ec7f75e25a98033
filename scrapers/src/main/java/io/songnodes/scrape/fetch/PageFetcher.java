package io.songnodes.scrape.fetch;

import io.songnodes.platform.outbound.Backoff;
import io.songnodes.platform.outbound.HostThrottle;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages the way a guest should: only configured hosts, robots.txt obeyed (Crawl-delay
 * included), one request per host per interval, an honest User-Agent, conditional GET so unchanged
 * pages cost nothing, retries with backoff on 429/5xx honouring Retry-After, a circuit breaker per
 * host, timeouts and a body-size cap. It never throws for what a site does: every call ends in a
 * {@link FetchResult} that says what happened.
 */
public final class PageFetcher {

    private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);
    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_ROBOTS_REDIRECTS = 5;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

    private record Validators(Optional<String> etag, Optional<String> lastModified) {
    }

    private record CachedRobots(RobotsTxt rules, Instant expiresAt) {
    }

    /** One HTTP answer; {@code problem} says what is wrong with it, if anything. */
    private record Exchange(int status, byte[] body, Charset charset, Map<String, List<String>> headers, String problem) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        Exchange withProblem(String why) {
            return new Exchange(status, body, charset, headers, why);
        }
    }

    /** A robots.txt that could not be read is retried this soon, not after the full TTL. */
    private static final Duration ROBOTS_RETRY = Duration.ofMinutes(1);

    private final FetchSettings settings;
    private final UrlPolicy policy;
    private final Function<String, Duration> minimumInterval;
    private final HostThrottle throttle;
    private final Backoff backoff;
    private final Clock clock;
    private final HttpClient http;
    private final CircuitBreakerRegistry breakers;
    private final Map<URI, Validators> validators;
    private final Map<String, CachedRobots> robots;
    /** Whether requests carry the validators of the last fetch (conditional GET). */
    private final boolean conditional;

    /**
     * @param minimumInterval the configured interval between requests for an origin
     *                        ({@code scheme://host:port}); a slower Crawl-delay wins
     */
    public PageFetcher(FetchSettings settings, UrlPolicy policy, Function<String, Duration> minimumInterval,
                       HostThrottle throttle, RandomGenerator random, Clock clock) {
        this.settings = settings;
        this.policy = policy;
        this.minimumInterval = minimumInterval;
        this.throttle = throttle;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(), random);
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // redirects are followed here, and only within the site
                .build();
        this.validators = new ConcurrentHashMap<>();
        this.robots = new ConcurrentHashMap<>();
        this.conditional = true;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(Math.max(2, settings.breakerWindow() / 2))
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .build());
    }

    private PageFetcher(PageFetcher shared, boolean conditional) {
        this.settings = shared.settings;
        this.policy = shared.policy;
        this.minimumInterval = shared.minimumInterval;
        this.throttle = shared.throttle;
        this.backoff = shared.backoff;
        this.clock = shared.clock;
        this.http = shared.http;
        this.breakers = shared.breakers;
        this.validators = shared.validators;
        this.robots = shared.robots;
        this.conditional = conditional;
    }

    /**
     * The same fetcher (same pace, breakers, robots.txt and remembered validators) asking for full
     * pages: what a rescrape or a manual request means, "fetch it again", even if unchanged.
     */
    public PageFetcher unconditional() {
        return new PageFetcher(this, false);
    }

    /** The breaker of an origin, for metrics and tests. */
    public CircuitBreaker.State breakerState(URI url) {
        return breakers.circuitBreaker(UrlPolicy.origin(url)).getState();
    }

    public FetchResult fetch(URI url) throws InterruptedException {
        Optional<String> refusal = policy.refusal(url);
        if (refusal.isPresent()) {
            return FetchResult.notFetched(FetchResult.Kind.REFUSED, refusal.get());
        }
        String origin = UrlPolicy.origin(url);
        RobotsTxt rules = robotsFor(url, origin);
        if (!rules.allows(pathOf(url))) {
            return FetchResult.notFetched(FetchResult.Kind.ROBOTS_DISALLOWED, "robots.txt of " + origin + " disallows " + pathOf(url));
        }
        Instant started = clock.instant();
        CircuitBreaker breaker = breakers.circuitBreaker(origin);
        Exchange last = null;
        String problem = null;
        int attempt = 0;
        while (attempt < settings.maxAttempts()) {
            attempt++;
            if (!breaker.tryAcquirePermission()) {
                return result(FetchResult.Kind.HTTP_ERROR, last, started, attempt - 1,
                        "circuit breaker open for " + origin + " after repeated failures" + (problem == null ? "" : "; last: " + problem));
            }
            long callStart = System.nanoTime();
            try {
                throttle.acquire(origin, interval(origin, rules));
                last = exchange(url, origin, rules);
            } catch (IOException | RuntimeException e) {
                // Whatever the exchange threw (I/O, a header the HTTP client refuses), the permit is given back.
                breaker.onError(System.nanoTime() - callStart, java.util.concurrent.TimeUnit.NANOSECONDS, e);
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                last = null;
                sleepBeforeRetry(attempt, Optional.empty());
                continue;
            } catch (InterruptedException e) {
                breaker.releasePermission();
                throw e;
            }
            if (last.status() == 429 || last.status() >= 500) {
                breaker.onError(System.nanoTime() - callStart, java.util.concurrent.TimeUnit.NANOSECONDS,
                        new IOException("HTTP " + last.status()));
                problem = "HTTP " + last.status();
                sleepBeforeRetry(attempt, Backoff.retryAfter(last.header("Retry-After"), clock.instant()));
                continue;
            }
            breaker.onSuccess(System.nanoTime() - callStart, java.util.concurrent.TimeUnit.NANOSECONDS);
            return classify(url, last, started, attempt);
        }
        return result(FetchResult.Kind.HTTP_ERROR, last, started, attempt, "gave up after " + attempt + " attempts: " + problem);
    }

    private FetchResult classify(URI url, Exchange exchange, Instant started, int attempts) {
        int status = exchange.status();
        if (status == 304) {
            return result(FetchResult.Kind.NOT_MODIFIED, exchange, started, attempts, "unchanged since the last fetch (HTTP 304)");
        }
        if (status / 100 == 2) {
            if (exchange.body().length > settings.maxBodyBytes()) {
                return result(FetchResult.Kind.HTTP_ERROR, exchange, started, attempts,
                        "response larger than " + settings.maxBodyBytes() + " bytes; not read");
            }
            validators.put(url, new Validators(exchange.header("ETag"), exchange.header("Last-Modified")));
            return new FetchResult(FetchResult.Kind.FETCHED, status, exchange.body(), exchange.charset(),
                    Duration.between(started, clock.instant()), attempts, Optional.empty());
        }
        return result(FetchResult.Kind.HTTP_ERROR, exchange, started, attempts, exchange.problem());
    }

    private FetchResult result(FetchResult.Kind kind, Exchange exchange, Instant started, int attempts, String problem) {
        return new FetchResult(kind, exchange == null ? -1 : exchange.status(), new byte[0], StandardCharsets.UTF_8,
                Duration.between(started, clock.instant()), attempts, Optional.ofNullable(problem));
    }

    /** One HTTP exchange, following redirects that stay on the configured site. */
    private Exchange exchange(URI url, String origin, RobotsTxt rules) throws IOException, InterruptedException {
        URI target = url;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(settings.readTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.5");
            Validators known = conditional ? validators.get(url) : null;
            if (known != null && target.equals(url)) {
                known.etag().ifPresent(etag -> request.header("If-None-Match", etag));
                known.lastModified().ifPresent(date -> request.header("If-Modified-Since", date));
            }
            HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(settings.maxBodyBytes() + 1);
            }
            Exchange exchange = new Exchange(response.statusCode(), body, charset(response), response.headers().map(),
                    "HTTP " + response.statusCode());
            if (response.statusCode() / 100 != 3 || response.statusCode() == 304) {
                return exchange;
            }
            URI from = target;
            Optional<URI> location = exchange.header("Location").flatMap(l -> resolve(from, l));
            if (location.isEmpty() || hop >= MAX_REDIRECTS || policy.refusal(location.get()).isPresent()
                    || !UrlPolicy.origin(location.get()).equals(origin) || !rules.allows(pathOf(location.get()))) {
                return exchange.withProblem("redirect " + response.statusCode() + " to " + location.map(URI::toString).orElse("nowhere")
                        + " not followed (off the site, disallowed, or too many hops)");
            }
            target = location.get();
            throttle.acquire(origin, interval(origin, rules));
        }
    }

    /** A Location that is not a valid URI is a redirect that cannot be followed, not a crash. */
    private static Optional<URI> resolve(URI base, String location) {
        try {
            return Optional.of(base.resolve(location.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Duration interval(String origin, RobotsTxt rules) {
        Duration configured = minimumInterval.apply(origin);
        Duration crawlDelay = rules.crawlDelay().filter(delay -> delay.compareTo(configured) > 0).orElse(configured);
        return crawlDelay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : crawlDelay;
    }

    /**
     * The longest wait between two requests to a host, whatever robots.txt asks: a day-long
     * Crawl-delay would block the scraper (and its consumer's poll loop) for a day.
     */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(5);

    private RobotsTxt robotsFor(URI url, String origin) throws InterruptedException {
        CachedRobots cached = robots.get(origin);
        if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
            return cached.rules();
        }
        RobotsTxt rules;
        Duration keepFor = ROBOTS_RETRY;
        URI robotsUrl = url.resolve("/robots.txt");
        try {
            HttpResponse<String> response = null;
            for (int hop = 0; hop <= MAX_ROBOTS_REDIRECTS; hop++) {
                throttle.acquire(origin, minimumInterval.apply(origin));
                URI asked = robotsUrl;
                response = http.send(HttpRequest.newBuilder(asked).timeout(settings.readTimeout())
                        .header("User-Agent", settings.userAgent()).GET().build(), HttpResponse.BodyHandlers.ofString());
                Optional<URI> next = response.statusCode() / 100 == 3
                        ? response.headers().firstValue("Location").flatMap(l -> resolve(asked, l)) : Optional.empty();
                // Redirects are followed within the site only: robots.txt never takes us to another host.
                if (next.isEmpty() || !UrlPolicy.origin(next.get()).equals(origin)) {
                    break;
                }
                robotsUrl = next.get();
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                rules = RobotsTxt.parse(response.body(), settings.productToken());
                keepFor = settings.robotsTtl();
            } else if (status / 100 == 4 && status != 429 || status / 100 == 3) {
                rules = RobotsTxt.allowAll(); // RFC 9309: unavailable (4xx, or redirects we do not follow): no restrictions
                keepFor = settings.robotsTtl();
            } else {
                log.warn("robots.txt of {} answered {}; treating the site as disallowed until it can be read", origin, status);
                rules = RobotsTxt.disallowAll();
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("robots.txt of {} unreadable ({}); treating the site as disallowed until it can be read", origin, e.toString());
            rules = RobotsTxt.disallowAll();
        }
        robots.put(origin, new CachedRobots(rules, clock.instant().plus(keepFor)));
        return rules;
    }

    private void sleepBeforeRetry(int attempt, Optional<Duration> retryAfter) throws InterruptedException {
        if (attempt < settings.maxAttempts()) {
            Thread.sleep(backoff.delay(attempt, retryAfter).toMillis());
        }
    }

    private static String pathOf(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static Charset charset(HttpResponse<?> response) {
        Matcher m = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
        try {
            return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
