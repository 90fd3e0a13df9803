package com.aurouslabs.toolkit.openapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSRF corpus: {@code reference_image_urls} entries that every implementation must reject
 * ({@value #BLOCKED_RESOURCE}: hosts of the vendor's SSRF list in every spelling WHATWG URL parsing accepts, the
 * metadata names it lists, userinfo; REF-URL-HOST-BLOCKED and REF-URL-NO-USERINFO), non-public hosts the list does
 * not name ({@value #UNLISTED_RESOURCE}; REF-URL-HOST-UNLISTED) and ordinary public URLs it must accept
 * ({@value #ALLOWED_RESOURCE}). Contract data, like the rule catalog: the mock's host policy and the conformance
 * suite's oracle are both checked against it, so neither reads the other's files. Test vectors only; which rule
 * rejects an entry is decided by the code that holds the rule.
 *
 * <p>Files: one URL a line; a line starting with {@code #} is a comment (a {@code #} inside a URL is a fragment).
 * {@link #bundled()} is read once per JVM (final, immutable lists in a holder class).
 */
public final class SsrfCorpus {

    /** Classpath location of the URLs that must be rejected. */
    public static final String BLOCKED_RESOURCE = "openapi/ssrf/blocked-urls.txt";
    /** Classpath location of non-public hosts the vendor's SSRF list does not name (REF-URL-HOST-UNLISTED). */
    public static final String UNLISTED_RESOURCE = "openapi/ssrf/unlisted-urls.txt";
    /** Classpath location of the URLs that must be accepted. */
    public static final String ALLOWED_RESOURCE = "openapi/ssrf/allowed-urls.txt";

    private final List<String> blocked;
    private final List<String> unlisted;
    private final List<String> allowed;

    private SsrfCorpus(List<String> blocked, List<String> unlisted, List<String> allowed) {
        this.blocked = List.copyOf(blocked);
        this.unlisted = List.copyOf(unlisted);
        this.allowed = List.copyOf(allowed);
    }

    /** The corpus in this jar, read once per JVM. */
    public static SsrfCorpus bundled() {
        return Bundled.CORPUS;
    }

    /** Holder idiom: read on first use, once; the field is final and the value immutable. */
    private static final class Bundled {
        static final SsrfCorpus CORPUS = new SsrfCorpus(lines(BLOCKED_RESOURCE), lines(UNLISTED_RESOURCE),
                lines(ALLOWED_RESOURCE));
    }

    /** URLs every implementation must reject (REF-URL-HOST-BLOCKED, or REF-URL-NO-USERINFO), in file order. */
    public List<String> blocked() {
        return blocked;
    }

    /**
     * URLs whose host is non-public but not on the vendor's SSRF list (REF-URL-HOST-UNLISTED, an inferred rule: we
     * reject them, another reading accepts them), in file order.
     */
    public List<String> unlisted() {
        return unlisted;
    }

    /** Public https URLs every implementation must accept, in file order. */
    public List<String> allowed() {
        return allowed;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = SsrfCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource
                        + " is not on the classpath (jar com.aurouslabs.toolkit:openapi)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
