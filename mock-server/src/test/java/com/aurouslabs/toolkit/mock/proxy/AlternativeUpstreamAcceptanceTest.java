package com.aurouslabs.toolkit.mock.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An upstream that reads the vendor's silences the other way (the mock's alternative profile) breaks nothing the
 * vendor documents: the proxy gives it notes, never a violation.
 */
class AlternativeUpstreamAcceptanceTest {

    private static ProxyPair pair;

    @BeforeAll
    static void start() {
        pair = ProxyPair.start(Profile.ALTERNATIVE);
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    @Test
    void the_alternative_reading_gets_notes_and_no_violation() {
        List<String> violations = new ArrayList<>();
        Set<String> noted = new LinkedHashSet<>();
        for (Probe probe : Probe.corpus()) {
            pair.reset();
            Reply proxied = probe.send(pair.viaProxy);
            if (!ProxyPair.violations(proxied).isEmpty()) {
                violations.add(probe + ": " + pair.lastFindings());
            }
            noted.addAll(ProxyPair.notes(proxied));
        }
        assertThat(violations).isEmpty();
        // What the alternative profile flips shows up as notes: codes, params, acceptances, the envelope.
        assertThat(noted).contains("SIZE-ENUM", "REF-URL-HOST-BLOCKED", "PROMPT-NOT-BLANK", "BODY-UNKNOWN-FIELD",
                "BODY-INTEGER", "CHAR-ID-FORM", "DIM-PAIR", "ENVELOPE-SHAPE", "BODY-JSON", "VERSION-PATTERN");
    }

    @Test
    void a_note_says_which_reading_the_answer_follows() {
        pair.reset();
        Reply reply = Probe.post("old preset", Probe.prompt("\"size\":\"hd_square\"")).send(pair.viaProxy);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(ProxyPair.notes(reply)).containsExactly("SIZE-ENUM");
        assertThat(pair.lastFindings().path("notes").get(0).path("message").asText())
                .contains("answered as the alternative reading", "value_out_of_range", "invalid_format");
    }
}
