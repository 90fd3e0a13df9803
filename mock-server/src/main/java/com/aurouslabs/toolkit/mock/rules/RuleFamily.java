package com.aurouslabs.toolkit.mock.rules;

import java.util.List;

/** A family of rules (one class per family of rules.yaml), contributing its checks to {@link RuleRegistry}. */
public interface RuleFamily {

    List<RuleCheck> checks();
}
