package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.rules.RuleContext.Reference;
import java.util.List;
import java.util.Optional;

/**
 * Family "references": REF-URL-NO-USERINFO, REF-URL-HOST-BLOCKED (a host the vendor's SSRF list blocks),
 * REF-URL-HOST-UNLISTED (another non-public host, refused or accepted as its choice says; all three read the URL
 * through the one {@link ReferenceHostPolicy}), REF-FILE-ID-FORM (an id of the right shape that is not a ULID is looked up like
 * any, or rejected, as its choice says), REF-FILE-EXISTS. REF-MAX-ITEMS, REF-ITEM-FORM and REF-URL-MAX-LENGTH
 * are the schema's; REF-EMPTY-IS-NONE is {@link RuleContext#hasReferences()}.
 */
public final class ReferenceRules {

    static final String FILE_PREFIX = "file_";
    static final String FIELD = "reference_image_urls";
    static final String FILE_ID_FORM = "REF-FILE-ID-FORM";
    static final String HOST_BLOCKED = "REF-URL-HOST-BLOCKED";
    static final String HOST_UNLISTED = "REF-URL-HOST-UNLISTED";

    private final ReferenceHostPolicy hostPolicy;
    private final boolean rejectMalformedFileIds;
    private final boolean rejectUnlistedHosts;

    public ReferenceRules(ReferenceHostPolicy hostPolicy, Choices choices) {
        this.hostPolicy = hostPolicy;
        this.rejectMalformedFileIds = choices.is(FILE_ID_FORM, "malformed", "reject", "look_up");
        this.rejectUnlistedHosts = choices.is(HOST_UNLISTED, "unlisted_hosts", "rejected", "accepted");
    }

    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.of("REF-URL-NO-USERINFO", this::noUserinfo),
                RuleCheck.of(HOST_BLOCKED, c -> host(c, true)),
                RuleCheck.of(HOST_UNLISTED, c -> rejectUnlistedHosts ? host(c, false) : Optional.empty()),
                RuleCheck.of(FILE_ID_FORM, this::fileIdForm),
                RuleCheck.of("REF-FILE-EXISTS", ReferenceRules::fileExists));
    }

    static Violation at(String ruleId, Reference ref) {
        return Violation.of(ruleId).with("field", FIELD).with("i", ref.index())
                .with("path", FIELD + "[" + ref.index() + "]");
    }

    Optional<Violation> noUserinfo(RuleContext c) {
        for (Reference ref : c.references()) {
            if (!ref.value().startsWith(FILE_PREFIX) && hostPolicy.hasUserInfo(ref.value())) {
                return Optional.of(at("REF-URL-NO-USERINFO", ref));
            }
        }
        return Optional.empty();
    }

    /** The first reference whose host is blocked and {@code listed} (REF-URL-HOST-BLOCKED) or not (-UNLISTED). */
    Optional<Violation> host(RuleContext c, boolean listed) {
        for (Reference ref : c.references()) {
            if (ref.value().startsWith(FILE_PREFIX)) {
                continue;
            }
            Optional<BlockedHost> blocked = hostPolicy.blocked(ref.value()).filter(b -> b.listed() == listed);
            if (blocked.isPresent()) {
                return Optional.of(at(listed ? HOST_BLOCKED : HOST_UNLISTED, ref)
                        .with("reason", blocked.get().reason()));
            }
        }
        return Optional.empty();
    }

    /**
     * The detail REF-ITEM-FORM adds to its message when an entry that is not a valid https URL would also point at
     * a blocked host once a URL parser reads it ({@code https://10.0.0.1/\n}): that host's class.
     */
    public String itemFormDetail(String entry) {
        if (entry == null || entry.startsWith(FILE_PREFIX)) {
            return "";
        }
        return hostPolicy.blocked(entry).filter(b -> b.form() != BlockedHost.HostForm.UNPARSEABLE)
                .map(b -> "; its host is never fetched either: " + b.reason()).orElse("");
    }

    Optional<Violation> fileIdForm(RuleContext c) {
        if (!rejectMalformedFileIds) {
            return Optional.empty();
        }
        for (Reference ref : c.references()) {
            if (ref.value().startsWith(FILE_PREFIX) && !IdForms.isFileId(ref.value())) {
                return Optional.of(at(FILE_ID_FORM, ref));
            }
        }
        return Optional.empty();
    }

    static Optional<Violation> fileExists(RuleContext c) {
        for (Reference ref : c.references()) {
            if (!ref.value().startsWith(FILE_PREFIX)) {
                continue;
            }
            boolean live = c.fixtures().file(ref.value())
                    .filter(f -> f.teamId().equals(c.teamId()) && f.file().live())
                    .isPresent();
            if (!live) {
                return Optional.of(at("REF-FILE-EXISTS", ref));
            }
        }
        return Optional.empty();
    }
}
