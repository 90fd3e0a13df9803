package com.aurouslabs.toolkit.mock.proxy;

import java.io.PrintStream;

/** What {@code java -jar estimate-mock.jar --proxy-to URL} prints once it listens. */
public final class ProxyBanner {

    private ProxyBanner() {
    }

    public static void print(PrintStream out, String baseUrl, ProxySettings settings) {
        out.println("Aurous estimate validating proxy");
        out.println("  URL         " + baseUrl + "/v1/images/estimate  (every path but /__admin/ is forwarded)");
        out.println("  upstream    " + settings.upstream() + "  (timeout " + settings.timeout().toMillis()
                + " ms: then 504 provider_timeout; unreachable: 502 provider_unavailable)");
        out.println("  judged by   the spec and rules.yaml, both readings (default and alternative); rules that need "
                + "your team's data (key validity, rate limit, characters, files, LoRAs) are not judged");
        out.println("  findings    headers " + ValidatingProxy.VIOLATIONS_HEADER + " and " + ValidatingProxy.NOTES_HEADER
                + " (rule IDs); details in GET " + baseUrl + "/__admin/journal (API keys masked)");
        out.println("  curl -s " + baseUrl + "/v1/images/estimate -H 'Content-Type: application/json' "
                + "-H \"X-Api-Key: $AUROUS_API_KEY\" -d '{\"prompt\":\"a red fox\"}' -D - ");
        out.flush();
    }
}
