package com.aurouslabs.toolkit.mock.defect;

import static com.aurouslabs.toolkit.mock.defect.DefectPlan.change;

import com.aurouslabs.toolkit.mock.rules.BlockedHost.HostClass;
import com.aurouslabs.toolkit.mock.rules.BlockedHost.HostForm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The defects the mock can inject, by name, each breaking exactly one rule of rules.yaml (the rule a conformance
 * suite is expected to report), the same way under both profiles; {@value #NONE} is no defect. Each is a
 * {@link DefectPlan}: a change to a rule's data (an outcome part, a choice, a schema limit), a wrapper around one
 * rule's check by ID, around the host policy or the pricing, or a response post-processor. The table is built once
 * and immutable.
 */
public final class Defects {

    /** The name that means "no defect". */
    public static final String NONE = "NONE";

    private record Entry(DefectInfo info, DefectPlan plan) {
    }

    private static final Set<HostForm> IPV4_FORMS = EnumSet.of(HostForm.IPV4_DOTTED, HostForm.IPV4_OTHER_SPELLING);

    private static final List<Entry> ALL = List.of(
            // ------------------------------------------------------------------ auth, version
            entry("ACCEPT_REVOKED_KEY", "AUTH-REVOKED-KEY", "a revoked key authenticates",
                    change().check("AUTH-REVOKED-KEY", Wrappers.suppress())),
            entry("ACCEPT_UNKNOWN_VERSION", "VERSION-UNKNOWN",
                    "an Aurous-Version after the newest released one is accepted (and resolves to the newest)",
                    change().check("VERSION-UNKNOWN", Wrappers.suppress())),
            entry("MISSING_VERSION_ECHO", "VERSION-ECHO", "responses lack the Aurous-Version header",
                    change().response(Wrappers.dropHeader("Aurous-Version"))),
            // ------------------------------------------------------------------ prompt
            entry("ACCEPT_BLANK_PROMPT", "PROMPT-NOT-BLANK", "a whitespace-only prompt is accepted",
                    change().check("PROMPT-NOT-BLANK", Wrappers.suppress())),
            entry("ACCEPT_PROMPT_OVER_MAX_LENGTH", "PROMPT-LENGTH", "a prompt longer than the maximum is accepted",
                    change().schema("/properties/prompt/maxLength", null)),
            // ------------------------------------------------------------------ dimensions
            entry("REJECT_NON_MULTIPLE_OF_32", "DIM-SNAP-32",
                    "an in-range width/height that is not a multiple of 32 is rejected (400 invalid_format)",
                    change().outcome("DIM-SNAP-32", parts("status", IntNode.valueOf(400),
                                    "type", text("invalid_request"), "code", text("invalid_format"),
                                    "param", text("{field}"), "message", text("{field} must be a multiple of 32.")))
                            .check("DIM-SNAP-32", Wrappers.replace(Wrappers::nonMultipleOf32))),
            entry("ACCEPT_SIZE_WITH_DIMS", "SIZE-XOR-DIMS", "size together with width/height is accepted",
                    change().check("SIZE-XOR-DIMS", Wrappers.suppress())),
            entry("ACCEPT_LONE_DIMENSION", "DIM-PAIR", "width without height (or the reverse) is accepted",
                    change().check("DIM-PAIR", Wrappers.suppress())),
            // ------------------------------------------------------------------ numeric
            entry("ACCEPT_STEPS_OVER_MAX", "STEPS-RANGE", "steps above the maximum are accepted",
                    change().schema("/properties/steps/maximum", null)),
            // ------------------------------------------------------------------ references
            entry("ACCEPT_SEVEN_REFERENCES", "REF-MAX-ITEMS",
                    "the reference limit is off by one: 7 entries are accepted",
                    change().schema("/properties/reference_image_urls/maxItems", IntNode.valueOf(7))),
            entry("DROP_REFERENCE_URL_MAX_LENGTH", "REF-URL-MAX-LENGTH",
                    "reference URLs longer than 2048 characters are accepted",
                    change().schema("/properties/reference_image_urls/items/maxLength", null)),
            entry("EMPTY_REFERENCES_ARE_REFERENCES", "REF-EMPTY-IS-NONE",
                    "an empty reference_image_urls counts as references (with character_id: mutually_exclusive_input)",
                    change().choice("REF-EMPTY-IS-NONE", "empty_array", "references")),
            entry("ACCEPT_PRIVATE_REFERENCE_HOST", "REF-URL-HOST-BLOCKED",
                    "no reference host of the vendor's SSRF list is blocked (private, loopback, metadata, ... all accepted)",
                    change().check("REF-URL-HOST-BLOCKED", Wrappers.suppress())),
            entry("ACCEPT_PRIVATE_IPV4_HOSTS", "REF-URL-HOST-BLOCKED",
                    "reference hosts in the private IPv4 ranges (10/8, 172.16/12, 192.168/16) are accepted",
                    change().hostPolicy(Wrappers.acceptHosts(b -> b.hostClass() == HostClass.PRIVATE
                            && IPV4_FORMS.contains(b.form())))),
            entry("ACCEPT_NUMERIC_IPV4_SPELLINGS", "REF-URL-HOST-BLOCKED",
                    "a blocked IPv4 address written as one decimal number, in hex, octal or a short form is accepted",
                    change().hostPolicy(Wrappers.acceptHosts(b -> b.form() == HostForm.IPV4_OTHER_SPELLING))),
            entry("ACCEPT_IPV6_ULA_AND_LINK_LOCAL", "REF-URL-HOST-BLOCKED",
                    "IPv6 unique-local (fc00::/7) and link-local (fe80::/10) reference hosts are accepted",
                    change().hostPolicy(Wrappers.acceptHosts(b -> b.form() == HostForm.IPV6
                            && (b.hostClass() == HostClass.UNIQUE_LOCAL || b.hostClass() == HostClass.LINK_LOCAL)))),
            entry("ACCEPT_METADATA_HOST_NAMES", "REF-URL-HOST-BLOCKED",
                    "cloud metadata host names (metadata.google.internal, metadata.aws.com, ...) are accepted",
                    change().hostPolicy(Wrappers.acceptHosts(b -> b.form() == HostForm.NAME
                            && b.hostClass() == HostClass.METADATA))),
            entry("ACCEPT_LOOPBACK_HOSTS", "REF-URL-HOST-BLOCKED",
                    "loopback reference hosts (127/8, ::1, localhost) are accepted",
                    change().hostPolicy(Wrappers.acceptHosts(b -> b.hostClass() == HostClass.LOOPBACK))),
            // ------------------------------------------------------------------ characters
            entry("MISS_CHARACTER_REF_EXCLUSION", "CHAR-XOR-REFS", "character_id together with references is accepted",
                    change().check("CHAR-XOR-REFS", Wrappers.suppress())),
            entry("LEAK_FOREIGN_CHARACTER", "CHAR-NOT-FOUND",
                    "another team's character gives a different 404 than an unknown one",
                    change().outcome("CHAR-NOT-FOUND", parts("message", text("No such character for this team{owner}.")))
                            .check("CHAR-NOT-FOUND", Wrappers.annotate("owner", Wrappers::foreignOwnerNote))),
            entry("ACCEPT_NOT_READY_CHARACTER", "CHAR-NOT-READY",
                    "a character that is synthesizing, reviewing, failed or deleted is accepted",
                    change().check("CHAR-NOT-READY", Wrappers.suppress())),
            // ------------------------------------------------------------------ LoRAs
            entry("LORA_NOT_SCOPED_TO_TEAM", "LORA-NOT-FOUND",
                    "the LoRA lookup ignores the team: another team's private LoRA is accepted",
                    change().check("LORA-NOT-FOUND", Wrappers.suppressWhen(Wrappers::foreignPrivateLora))),
            // ------------------------------------------------------------------ pricing
            entry("PRICE_REFERENCES", "PRICE-REFS-FREE", "every reference image adds the image base price",
                    change().pricing(Wrappers.referencesCostTheBase())),
            entry("COUNT_LEFT_OUT_OF_AMOUNT", "PRICE-SUM",
                    "the amount is charged for one image whatever the count, while the base line counts them",
                    change().pricing(Wrappers.countLeftOutOfAmount())),
            entry("ENHANCE_LEFT_OUT_OF_AMOUNT", "PRICE-SUM",
                    "the enhance line is shown but the amount leaves it out",
                    change().pricing(Wrappers.enhanceLeftOutOfAmount())),
            // ------------------------------------------------------------------ rate limits, envelope
            entry("RESET_IN_MILLISECONDS", "RATE-LIMIT-HEADERS",
                    "X-RateLimit-Reset is in epoch milliseconds, not epoch seconds",
                    change().response(Wrappers.resetInMilliseconds())),
            entry("MISSING_REQUEST_ID", "REQUEST-ID", "responses lack the Aurous-Request-Id header",
                    change().response(Wrappers.dropHeader("Aurous-Request-Id"))),
            entry("NON_ULID_REQUEST_IDS", "REQUEST-ID",
                    "request ids are req_ followed by 32 hex digits, not by a ULID",
                    change().requestIds(Wrappers.hexRequestIds())));

    private static final List<DefectInfo> INFOS = ALL.stream().map(Entry::info).toList();

    private Defects() {
    }

    private static Entry entry(String name, String ruleId, String description, DefectPlan.Builder plan) {
        return new Entry(new DefectInfo(name, ruleId, description), plan.build());
    }

    private static Map<String, JsonNode> parts(Object... nameValue) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.put((String) nameValue[i], (JsonNode) nameValue[i + 1]);
        }
        return out;
    }

    private static JsonNode text(String s) {
        return s == null ? NullNode.getInstance() : TextNode.valueOf(s);
    }

    /** Every defect, in a stable order. */
    public static List<DefectInfo> all() {
        return INFOS;
    }

    /** The defect of this name (case-insensitive, {@code -} read as {@code _}); empty for NONE and unknown names. */
    public static Optional<DefectInfo> find(String name) {
        String n = normalize(name);
        return INFOS.stream().filter(d -> d.name().equals(n)).findFirst();
    }

    /** What the defect of this canonical name changes; {@link DefectPlan#NONE} for {@value #NONE}. */
    public static DefectPlan plan(String name) {
        String n = canonical(name);
        return ALL.stream().filter(e -> e.info().name().equals(n)).map(Entry::plan).findFirst()
                .orElse(DefectPlan.NONE);
    }

    /**
     * The canonical name of {@code name}: {@value #NONE} for null, blank or none, else the name of a known defect.
     *
     * @throws IllegalArgumentException listing every name when {@code name} is unknown
     */
    public static String canonical(String name) {
        String n = normalize(name);
        if (n.isEmpty() || n.equals(NONE)) {
            return NONE;
        }
        return find(n).map(DefectInfo::name).orElseThrow(() -> new IllegalArgumentException(
                "unknown defect '" + name.strip() + "'; use NONE or one of " + names()));
    }

    /** Every name, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", INFOS.stream().map(DefectInfo::name).toList());
    }

    private static String normalize(String name) {
        return name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
