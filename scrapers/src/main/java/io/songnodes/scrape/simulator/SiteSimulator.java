package io.songnodes.scrape.simulator;

import io.songnodes.platform.http.HttpError;
import io.songnodes.platform.http.HttpRequest;
import io.songnodes.platform.http.HttpResponse;
import io.songnodes.scrape.BronzeRecords;
import io.songnodes.scrape.simulator.Catalog.DjSet;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local stand-in for one source site, serving pages in that site's format generated from a
 * {@link Catalog}: MixesDB's MediaWiki API and rendered pages, or 1001Tracklists' detail and search
 * pages. It can be told to break ({@link Mode}) and logs every request it answers, so tests measure
 * what the scrapers really did. Used by the demo, the integration tests and benchmarks.
 */
public final class SiteSimulator implements AutoCloseable {

    public enum Site { MIXESDB, TRACKLISTS_1001 }

    /** How the site misbehaves. */
    public enum Mode {
        NORMAL,
        /** A redesign: pages still load, the parser finds no tracklist. */
        BROKEN_MARKUP,
        /** 1001Tracklists' JavaScript shell for plain HTTP clients; MixesDB's API answers an HTML error page. */
        SHELL_PAGES,
        /** 429 with Retry-After: 1 on every page. */
        RATE_LIMITED,
        /** 503 on every page. */
        UNAVAILABLE
    }

    /** Pages under this path are disallowed by robots.txt, for testing that the scrapers obey it. */
    public static final String DISALLOWED_PREFIX = "/private/";

    private final Site site;
    private final Catalog catalog;
    private final SimulatorServer server;
    private volatile Mode mode = Mode.NORMAL;
    private final List<String> disallowed = new CopyOnWriteArrayList<>(List.of(DISALLOWED_PREFIX));

    private SiteSimulator(Site site, Catalog catalog, SimulatorServer server) {
        this.site = site;
        this.catalog = catalog;
        this.server = server;
    }

    public static SiteSimulator start(Site site, Catalog catalog) {
        SimulatorServer server = SimulatorServer.start("simulator-" + site.name().toLowerCase(Locale.ROOT), 4);
        SiteSimulator simulator = new SiteSimulator(site, catalog, server);
        simulator.install();
        return simulator;
    }

    private void install() {
        server.route("GET", "/robots.txt", r -> text(200, "text/plain", robotsTxt()));
        if (site == Site.MIXESDB) {
            server.route("GET", "/w/api.php", r -> page(r, this::mixesDbApi));
            server.route("GET", "/w/{title}", r -> page(r, this::mixesDbPage));
        } else {
            server.route("GET", "/tracklist/{id}/{slug}", r -> page(r, this::tracklistPage));
            server.route("GET", "/search/result.php", r -> page(r, this::searchPage));
        }
        server.route("GET", DISALLOWED_PREFIX + "{page}", r -> page(r, req -> text(200, "text/html", "<html>private</html>")));
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    /** Adds a robots.txt Disallow line; scrapers that already read robots.txt see it when their copy expires. */
    public void disallow(String pathPrefix) {
        disallowed.add(pathPrefix);
    }

    private String robotsTxt() {
        StringBuilder robots = new StringBuilder("User-agent: *\n");
        disallowed.forEach(prefix -> robots.append("Disallow: ").append(prefix).append('\n'));
        return robots.toString();
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    /** The URL of every set's playlist page, in catalogue order. */
    public List<URI> playlistUrls() {
        List<URI> urls = new ArrayList<>();
        for (DjSet set : catalog.sets()) {
            urls.add(playlistUrl(set));
        }
        return urls;
    }

    public URI playlistUrl(DjSet set) {
        return site == Site.MIXESDB
                ? baseUrl().resolve("/w/" + URLEncoder.encode(set.mixesDbTitle().replace(' ', '_'), StandardCharsets.UTF_8))
                : baseUrl().resolve("/tracklist/" + set.id() + "/" + set.slug() + ".html");
    }

    /** A search page listing every set of the DJs whose name contains the query (1001Tracklists only). */
    public URI searchUrl(String query) {
        return baseUrl().resolve("/search/result.php?main_search=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    /** Every request answered so far, in order. */
    public List<Hit> hits() {
        return server.hits();
    }

    private HttpResponse page(HttpRequest request, Function<HttpRequest, HttpResponse> render) {
        return switch (mode) {
            case RATE_LIMITED -> text(429, "text/plain", "Too Many Requests").withHeader("Retry-After", "1");
            case UNAVAILABLE -> text(503, "text/plain", "Service Unavailable");
            default -> withEtag(request, render.apply(request));
        };
    }

    /** Conditional GET: an unchanged page is answered 304 to a client that sends its ETag. */
    private static HttpResponse withEtag(HttpRequest request, HttpResponse response) {
        if (response.status() != 200) {
            return response;
        }
        String etag = "\"" + BronzeRecords.sha256(response.body()).substring(0, 16) + "\"";
        if (request.header("If-None-Match").filter(etag::equals).isPresent()) {
            return new HttpResponse(304, response.contentType(), new byte[0]).withHeader("ETag", etag);
        }
        return response.withHeader("ETag", etag);
    }

    private HttpResponse mixesDbApi(HttpRequest request) {
        if (mode == Mode.SHELL_PAGES) {
            return text(200, "text/html", "<html><body>MediaWiki internal error</body></html>");
        }
        String title = request.queryParam("page").orElseThrow(() -> HttpError.badRequest("page", "required"));
        DjSet set = setByTitle(title);
        return HttpResponse.json(200, PageRenderer.mixesDbApi(set, mode == Mode.BROKEN_MARKUP));
    }

    private HttpResponse mixesDbPage(HttpRequest request) {
        DjSet set = setByTitle(request.pathParam("title"));
        return text(200, "text/html; charset=utf-8", PageRenderer.mixesDbHtml(set, mode == Mode.BROKEN_MARKUP));
    }

    private HttpResponse tracklistPage(HttpRequest request) {
        if (mode == Mode.SHELL_PAGES) {
            return text(200, "text/html; charset=utf-8", PageRenderer.shellPage());
        }
        String id = request.pathParam("id");
        DjSet set = catalog.sets().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> HttpError.notFound("no tracklist " + id));
        return text(200, "text/html; charset=utf-8", PageRenderer.tracklistHtml(set, mode == Mode.BROKEN_MARKUP));
    }

    private HttpResponse searchPage(HttpRequest request) {
        String query = request.queryParam("main_search").orElse("").toLowerCase(Locale.ROOT);
        List<DjSet> found = catalog.sets().stream().filter(s -> s.dj().toLowerCase(Locale.ROOT).contains(query)).toList();
        return text(200, "text/html; charset=utf-8", PageRenderer.searchHtml(found, this::playlistUrl));
    }

    private DjSet setByTitle(String title) {
        String wanted = title.replace('_', ' ');
        Optional<DjSet> set = catalog.sets().stream().filter(s -> s.mixesDbTitle().equals(wanted)).findFirst();
        return set.orElseThrow(() -> HttpError.notFound("There is currently no text in this page: " + title));
    }

    private static HttpResponse text(int status, String contentType, String body) {
        return HttpResponse.text(status, contentType, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
