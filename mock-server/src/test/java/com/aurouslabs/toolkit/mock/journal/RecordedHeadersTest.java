package com.aurouslabs.toolkit.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal keeps the request headers as sent: every name and value, in order, repeated names included. */
class RecordedHeadersTest {

    @Test
    void headers_read_back_in_the_order_sent_with_repeated_names_and_empty_values() {
        List<Map.Entry<String, String>> sent = List.of(entry("Host", "127.0.0.1:4010"), entry("X-Api-Key", "al_live_x"),
                entry("Accept", "a"), entry("Accept", "b"), entry("X-Empty", ""), entry("Ünïcode", "välue ✓"));
        assertThat(RecordedHeaders.of(sent)).containsExactlyElementsOf(sent);
    }

    @Test
    void a_value_longer_than_65535_characters_is_cut_there_and_the_next_header_survives() {
        String huge = "v".repeat(70_000);
        List<Map.Entry<String, String>> sent = List.of(entry("X-Huge", huge), entry("X-Next", "n"));
        assertThat(RecordedHeaders.of(sent)).containsExactly(entry("X-Huge", huge.substring(0, 65_535)),
                entry("X-Next", "n"));
    }

    @Test
    void no_headers_is_an_empty_list() {
        assertThat(RecordedHeaders.of(List.of())).isEmpty();
    }

    @Test
    void the_journal_entry_shows_them_masked_and_joined_as_before() {
        JournalEntry e = new JournalEntry(0, "POST", "/v1/images/estimate", 200, "OK", "al_live_****", "team_alpha",
                "req_1", List.of(), List.of(entry("X-Api-Key", "al_live_secret"), entry("Accept", "a"),
                entry("Accept", "b")), null, -1, null);
        assertThat(e.headers()).containsExactly(entry("X-Api-Key", "al_live_****"), entry("Accept", "a, b"));
    }
}
