package io.songnodes.app;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.scrape.simulator.Catalog;
import io.songnodes.scrape.simulator.ProviderSimulator;
import io.songnodes.scrape.simulator.SiteSimulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The demo's stand-ins for MixesDB and 1001Tracklists: two site simulators on loopback serving a
 * seeded catalogue, and the scrape settings that point the real scrapers at them with short delays.
 */
final class DemoSites implements AutoCloseable {

    private final Catalog catalog;
    private final SiteSimulator mixesDb;
    private final SiteSimulator tracklists;
    private final ProviderSimulator providers;

    private DemoSites(Catalog catalog, SiteSimulator mixesDb, SiteSimulator tracklists, ProviderSimulator providers) {
        this.catalog = catalog;
        this.mixesDb = mixesDb;
        this.tracklists = tracklists;
        this.providers = providers;
    }

    static DemoSites start(long seed, double providerFailureRate) {
        Catalog catalog = Catalog.generate(Catalog.Shape.demo(seed));
        SiteSimulator mixesDb = SiteSimulator.start(SiteSimulator.Site.MIXESDB, catalog);
        SiteSimulator tracklists = null;
        try {
            tracklists = SiteSimulator.start(SiteSimulator.Site.TRACKLISTS_1001, catalog);
            return new DemoSites(catalog, mixesDb, tracklists, ProviderSimulator.start(catalog).failureRate(providerFailureRate));
        } catch (RuntimeException e) {
            mixesDb.close();
            if (tracklists != null) {
                tracklists.close();
            }
            throw e;
        }
    }

    /** The platform's settings with the scrapers pointed at the simulators. */
    SongNodesConfig configure(SongNodesConfig config) {
        String interval = config.string("songnodes.demo.scrape.interval");
        return config.with("songnodes.scrape.mixesdb.base.url", mixesDb.baseUrl().toString())
                .with("songnodes.scrape.1001tracklists.base.url", tracklists.baseUrl().toString())
                .with("songnodes.scrape.mixesdb.interval", interval)
                .with("songnodes.scrape.1001tracklists.interval", interval);
    }

    /** The settings with MusicBrainz and Deezer enabled and pointed at the simulated provider APIs. */
    SongNodesConfig configureProviders(SongNodesConfig config) {
        return config.with("songnodes.enrich.musicbrainz.enabled", "true")
                .with("songnodes.enrich.musicbrainz.base.url", providers.baseUrl(ProviderSimulator.Api.MUSICBRAINZ).toString())
                .with("songnodes.enrich.deezer.enabled", "true")
                .with("songnodes.enrich.deezer.base.url", providers.baseUrl(ProviderSimulator.Api.DEEZER).toString());
    }

    /** Makes the simulated Deezer answer every request with 503, or recover. */
    void breakDeezer(boolean broken) {
        providers.failing(ProviderSimulator.Api.DEEZER, broken);
    }

    /** What the demo asks to scrape: every MixesDB mix, and 1001Tracklists searches for two DJs (discovery). */
    List<URI> seeds() {
        List<URI> seeds = new ArrayList<>(mixesDb.playlistUrls());
        LinkedHashSet<String> djs = new LinkedHashSet<>();
        catalog.sets().forEach(s -> djs.add(s.dj()));
        djs.stream().limit(2).map(tracklists::searchUrl).forEach(seeds::add);
        return seeds;
    }

    /** Every playlist of both sites, for the demo's periodic re-scrapes. */
    List<URI> playlists() {
        List<URI> all = new ArrayList<>(mixesDb.playlistUrls());
        all.addAll(tracklists.playlistUrls());
        return all;
    }

    /** Breaks MixesDB the way a redesign does (pages load, no tracklist), or repairs it. */
    void breakMixesDb(boolean broken) {
        mixesDb.setMode(broken ? SiteSimulator.Mode.BROKEN_MARKUP : SiteSimulator.Mode.NORMAL);
    }

    String describe() {
        return "MixesDB at " + mixesDb.baseUrl() + ", 1001Tracklists at " + tracklists.baseUrl() + " (" + catalog.sets().size()
                + " simulated sets); MusicBrainz and Deezer APIs at " + providers.baseUrl(ProviderSimulator.Api.MUSICBRAINZ).resolve("/");
    }

    @Override
    public void close() {
        mixesDb.close();
        tracklists.close();
        providers.close();
    }
}
