package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.error.ApiError;
import java.util.List;
import java.util.Optional;

/**
 * Family "references": REF-URL-NO-USERINFO, REF-URL-HOST-BLOCKED, REF-FILE-EXISTS (REF-MAX-ITEMS, REF-ITEM-FORM
 * and REF-URL-MAX-LENGTH are the schema's; REF-EMPTY-IS-NONE holds because an empty array gives no entry).
 */
public final class ReferenceRules implements RuleFamily {

    static final String FILE_PREFIX = "file_";
    /** Same text for unknown, expired and other-team files (no existence leak). */
    static final String FILE_NOT_FOUND_MESSAGE = "No such live file for this team.";

    private final ReferenceHostPolicy hostPolicy;

    public ReferenceRules(ReferenceHostPolicy hostPolicy) {
        this.hostPolicy = hostPolicy;
    }

    @Override
    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.accepting("REF-EMPTY-IS-NONE"),
                RuleCheck.of("REF-URL-NO-USERINFO", this::noUserinfo),
                RuleCheck.of("REF-URL-HOST-BLOCKED", this::hostAllowed),
                RuleCheck.of("REF-FILE-EXISTS", ReferenceRules::fileExists));
    }

    private static String param(int i) {
        return "reference_image_urls[" + i + "]";
    }

    Optional<ApiError> noUserinfo(RuleContext c) {
        List<String> refs = c.references();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            if (!ref.startsWith(FILE_PREFIX) && hostPolicy.hasUserInfo(ref)) {
                return Optional.of(ApiError.invalidFormat("REF-URL-NO-USERINFO", param(i),
                        param(i) + " must not contain user information (user@host)."));
            }
        }
        return Optional.empty();
    }

    Optional<ApiError> hostAllowed(RuleContext c) {
        if (c.defectIs(Defect.ACCEPT_PRIVATE_REFERENCE_HOST)) {
            return Optional.empty();
        }
        List<String> refs = c.references();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            if (ref.startsWith(FILE_PREFIX)) {
                continue;
            }
            Optional<String> reason = hostPolicy.blockedReason(ref);
            if (reason.isPresent()) {
                return Optional.of(ApiError.invalidFormat("REF-URL-HOST-BLOCKED", param(i),
                        param(i) + " points at a host that is never fetched: " + reason.get() + "."));
            }
        }
        return Optional.empty();
    }

    static Optional<ApiError> fileExists(RuleContext c) {
        List<String> refs = c.references();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            if (!ref.startsWith(FILE_PREFIX)) {
                continue;
            }
            boolean live = c.fixtures().file(ref)
                    .filter(f -> f.teamId().equals(c.teamId()) && f.file().live())
                    .isPresent();
            if (!live) {
                return Optional.of(ApiError.notFound("REF-FILE-EXISTS", param(i), FILE_NOT_FOUND_MESSAGE));
            }
        }
        return Optional.empty();
    }
}
