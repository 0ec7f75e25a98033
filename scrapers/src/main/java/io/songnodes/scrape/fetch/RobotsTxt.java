package io.songnodes.scrape.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a robots.txt for one user agent (RFC 9309): the group naming our product token,
 * else the {@code *} group; the longest matching Allow/Disallow wins (Allow on a tie);
 * {@code *} and {@code $} in patterns; {@code Crawl-delay} in seconds.
 */
public final class RobotsTxt {

    private record Rule(boolean allow, String pattern, Pattern regex) {
        static Rule of(boolean allow, String pattern) {
            boolean anchored = pattern.endsWith("$");
            String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
            StringBuilder regex = new StringBuilder("^");
            String[] parts = body.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
            }
            return new Rule(allow, pattern, Pattern.compile(regex + (anchored ? "$" : "")));
        }
    }

    private record Group(List<String> agents, List<Rule> rules, Optional<Duration> crawlDelay) {
    }

    private final List<Rule> rules;
    private final Optional<Duration> crawlDelay;

    private RobotsTxt(List<Rule> rules, Optional<Duration> crawlDelay) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
    }

    public static RobotsTxt allowAll() {
        return new RobotsTxt(List.of(), Optional.empty());
    }

    public static RobotsTxt disallowAll() {
        return new RobotsTxt(List.of(Rule.of(false, "/")), Optional.empty());
    }

    /** @param productToken our user agent's product name, e.g. {@code SongNodesBot} */
    public static RobotsTxt parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Group> groups = groups(text.startsWith("\uFEFF") ? text.substring(1) : text);
        // Every group naming our product token applies, merged; only when none does, every "*" group.
        List<Group> ours = groups.stream().filter(g -> g.agents().contains(token)).toList();
        List<Group> applying = ours.isEmpty() ? groups.stream().filter(g -> g.agents().contains("*")).toList() : ours;
        if (applying.isEmpty()) {
            return allowAll();
        }
        List<Rule> rules = applying.stream().flatMap(g -> g.rules().stream()).toList();
        Optional<Duration> delay = applying.stream().map(Group::crawlDelay).flatMap(Optional::stream).max(Duration::compareTo);
        return new RobotsTxt(rules, delay);
    }

    private static List<Group> groups(String text) {
        List<Group> groups = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Optional<Duration> delay = Optional.empty();
        boolean agentsOpen = true;
        for (String raw : text.split("\\R")) {
            String line = raw.replaceAll("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "user-agent" -> {
                    if (!agentsOpen) { // a User-agent line after rules starts a new group
                        groups.add(new Group(List.copyOf(agents), List.copyOf(rules), delay));
                        agents.clear();
                        rules.clear();
                        delay = Optional.empty();
                    }
                    agentsOpen = true;
                    agents.add(value.toLowerCase(Locale.ROOT));
                }
                case "allow", "disallow" -> {
                    agentsOpen = false;
                    if (!value.isEmpty()) {
                        rules.add(Rule.of(field.equals("allow"), value));
                    }
                }
                case "crawl-delay" -> {
                    agentsOpen = false;
                    delay = seconds(value);
                }
                default -> {
                    // sitemap and unknown fields do not affect access
                }
            }
        }
        if (!agents.isEmpty()) {
            groups.add(new Group(List.copyOf(agents), List.copyOf(rules), delay));
        }
        return groups;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an unreadable delay is ignored, as crawlers commonly do
        }
    }

    public boolean allows(String path) {
        String target = path == null || path.isEmpty() ? "/" : path;
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.regex().matcher(target).find() && (best == null || rule.pattern().length() > best.pattern().length()
                    || rule.pattern().length() == best.pattern().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    public Optional<Duration> crawlDelay() {
        return crawlDelay;
    }
}
