package com.aurouslabs.toolkit.mock.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proxy mode ({@code --proxy-to URL [--proxy-timeout 30s]}): the upstream base URL every request is forwarded to,
 * and how long the proxy waits for its whole answer before it answers 504 itself.
 *
 * @param upstream an {@code http} or {@code https} URL with a host, no user info, query or fragment; a trailing
 *                 {@code /} is dropped (the request's path is appended)
 * @param timeout  positive, at most {@link #MAX_TIMEOUT}
 */
public record ProxySettings(URI upstream, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");
    private static final String URL_RULE = "expected an http:// or https:// base URL with a host and no user info, "
            + "query or fragment, e.g. https://api.aurous-labs.com";

    public ProxySettings {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(timeout, "timeout");
        upstream = checked(upstream);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("expected a timeout above 0 and at most 10m, e.g. 30s or 500ms");
        }
    }

    /** The settings for {@code url} with the default timeout. */
    public static ProxySettings to(String url) {
        return new ProxySettings(parseUrl(url), DEFAULT_TIMEOUT);
    }

    /**
     * Parses the value of {@code --proxy-to}. The message of the exception never repeats the value (a URL with user
     * info may carry a secret).
     *
     * @throws IllegalArgumentException with one line that says what is expected
     */
    public static URI parseUrl(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(URL_RULE);
        }
        try {
            return checked(new URI(value.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_RULE);
        }
    }

    /** Parses {@code 30s}, {@code 500ms}, {@code 2m}, or a plain number of seconds. */
    public static Duration parseTimeout(String value) {
        Matcher m = DURATION.matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 30s, 500ms or 2m");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static URI checked(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(URL_RULE);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_RULE);
        }
    }

    /** The absolute URI of {@code pathAndQuery} ({@code /v1/images/estimate?x=1}) on the upstream. */
    public String target(String pathAndQuery) {
        return upstream + pathAndQuery;
    }

    @Override
    public String toString() {
        return upstream + " (timeout " + timeout.toMillis() + " ms)";
    }
}
