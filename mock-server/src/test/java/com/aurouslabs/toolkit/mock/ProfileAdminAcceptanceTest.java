package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.mock.defect.DefectInfo;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.aurouslabs.toolkit.openapi.Rule;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The profile and the defects are chosen by name, and GET /__admin/profile lists what the profiles differ on. */
class ProfileAdminAcceptanceTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load();

    private static List<String> rules(Reply reply) {
        List<String> rules = new ArrayList<>();
        for (JsonNode d : reply.json().path("differences")) {
            rules.add(d.path("rule").asText());
            assertThat(d.path("default").asText()).as(d.toString()).isNotBlank();
            assertThat(d.path("alternative").asText()).as(d.toString()).isNotBlank()
                    .isNotEqualTo(d.path("default").asText());
        }
        return rules;
    }

    @Nested
    @AurousMockTest(profile = Profile.ALTERNATIVE)
    class Alternative {
        @Test
        void admin_profile_lists_every_rule_whose_alternative_differs_and_the_order(MockServerInfo mock) {
            Reply reply = new MockClient(mock.baseUrl()).get("/__admin/profile");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("profile").asText()).isEqualTo("alternative");
            List<String> expected = new ArrayList<>(CATALOG.alternatives().stream().map(Rule::id).toList());
            expected.add("EVALUATION-ORDER");
            assertThat(rules(reply)).containsExactlyElementsOf(expected);
            assertThat(mock.server().profile()).isEqualTo(Profile.ALTERNATIVE);
        }

        @Test
        void admin_profile_is_read_only(MockServerInfo mock) {
            MockClient client = new MockClient(mock.baseUrl());
            Reply put = client.send(client.request("/__admin/profile")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"profile\":\"default\"}")).build());
            assertThat(put.status()).isEqualTo(405);
            assertThat(put.header("Allow")).isEqualTo("GET");
        }
    }

    @Nested
    @AurousMockTest
    class Default {
        @Test
        void admin_profile_names_the_default_profile_and_the_same_differences(MockServerInfo mock) {
            Reply reply = new MockClient(mock.baseUrl()).get("/__admin/profile");
            assertThat(reply.json().path("profile").asText()).isEqualTo("default");
            assertThat(rules(reply)).contains("DIM-SNAP-32", "REF-ITEM-FORM", "EVALUATION-ORDER");
        }

        @Test
        void defect_is_set_and_cleared_by_name_over_http(MockServerInfo mock) {
            MockClient client = new MockClient(mock.baseUrl());
            Reply set = client.send(client.request("/__admin/defect")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"defect\":\"accept-blank-prompt\"}")).build());
            assertThat(set.json().path("defect").asText()).isEqualTo("ACCEPT_BLANK_PROMPT");
            assertThat(mock.server().defect()).isEqualTo("ACCEPT_BLANK_PROMPT");
            Reply bad = client.send(client.request("/__admin/defect")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"defect\":\"NOPE\"}")).build());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().at("/error/message").asText()).contains("NONE", "ACCEPT_BLANK_PROMPT");
            client.send(client.request("/__admin/defect")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"defect\":\"NONE\"}")).build());
            assertThat(mock.server().defect()).isEqualTo("NONE");
        }
    }

    @Test
    void profile_parse_is_lenient_and_names_the_profiles_on_error() {
        assertThat(Profile.parse(" Alternative ")).isEqualTo(Profile.ALTERNATIVE);
        assertThat(Profile.parse("alt")).isEqualTo(Profile.ALTERNATIVE);
        assertThat(Profile.parse("DEFAULT")).isEqualTo(Profile.DEFAULT);
        assertThat(Profile.parse(null)).isEqualTo(Profile.DEFAULT);
        assertThatThrownBy(() -> Profile.parse("strict")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default or alternative");
    }

    @Test
    void defects_are_an_immutable_list_each_naming_one_catalog_rule() {
        List<DefectInfo> all = Defects.all();
        assertThat(all).isNotEmpty();
        assertThatThrownBy(() -> all.add(new DefectInfo("X", "Y", "z")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(all).extracting(DefectInfo::name).doesNotHaveDuplicates().doesNotContain("NONE")
                .allMatch(n -> n.matches("[A-Z0-9]+(_[A-Z0-9]+)*"));
        assertThat(all).allSatisfy(d -> {
            assertThat(CATALOG.find(d.ruleId())).as(d.name()).isPresent();
            assertThat(d.description()).as(d.name()).isNotBlank();
        });
    }

    @Test
    void an_unknown_defect_name_is_one_clear_error_listing_the_names() {
        assertThatThrownBy(() -> MockOptions.builder().defect("ACCEPT_EVERYTHING").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown defect 'ACCEPT_EVERYTHING'")
                .hasMessageContaining(Defects.all().get(0).name());
        assertThat(MockOptions.builder().defect((String) null).build().defect()).isEqualTo("NONE");
    }
}
