package com.aurouslabs.toolkit.mock.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SSRF corpus in src/test/resources/ssrf: one URL a line, {@code #} starts a comment line. */
public final class SsrfCorpus {

    /** Hosts the vendor's SSRF list blocks (REF-URL-HOST-BLOCKED), and userinfo (REF-URL-NO-USERINFO). */
    public static final String BLOCKED = "/ssrf/blocked-urls.txt";
    /** Non-public hosts the list does not name (REF-URL-HOST-UNLISTED). */
    public static final String UNLISTED = "/ssrf/unlisted-urls.txt";
    public static final String ALLOWED = "/ssrf/allowed-urls.txt";

    private SsrfCorpus() {
    }

    public static List<String> load(String resource) {
        try (InputStream in = SsrfCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
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
            throw new UncheckedIOException(e);
        }
    }
}
