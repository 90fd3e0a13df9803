package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.reading.Reading;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one clean reading of the catalog (default or alternative profile) says about a request, judged from the
 * request alone.
 *
 * @param reading         the reading
 * @param fixedBroken     the first broken step of the catalog's fixed order (route, body size, missing key): when
 *                        set, it is the only acceptable answer
 * @param broken          every other broken rule, with the answer this reading gives for it; the catalog leaves their
 *                        order open, so the answer may name any of them
 * @param open            rules this reading would check that need the caller's team data (key validity, rate limit,
 *                        characters, files, LoRAs): the answer may be theirs
 * @param resolvedVersion the Aurous-Version the answer must echo when the request pins a well-formed version, else
 *                        null (the team's pin is unknown)
 */
record ReadingVerdict(Reading reading, List<ApiError> fixedBroken, List<ApiError> broken, List<String> open,
                      String resolvedVersion) {

    /** True when nothing this reading judges is broken: it accepts unless a team-data rule says otherwise. */
    boolean valid() {
        return fixedBroken.isEmpty() && broken.isEmpty();
    }

    /** The answers this reading allows from its judged rules: the fixed step alone, or any broken rule. */
    List<ApiError> expected() {
        return fixedBroken.isEmpty() ? broken : fixedBroken;
    }

    /** IDs of the broken rules (fixed and other), in order, once each. */
    Set<String> brokenIds() {
        Set<String> ids = new LinkedHashSet<>();
        fixedBroken.forEach(e -> ids.add(e.ruleId()));
        broken.forEach(e -> ids.add(e.ruleId()));
        return ids;
    }

    /** The answer this reading gives for {@code ruleId}, or null when it does not break it. */
    ApiError answerFor(String ruleId) {
        List<ApiError> all = new ArrayList<>(fixedBroken);
        all.addAll(broken);
        return all.stream().filter(e -> e.ruleId().equals(ruleId)).findFirst().orElse(null);
    }

    String profile() {
        return reading.profile().label();
    }
}
