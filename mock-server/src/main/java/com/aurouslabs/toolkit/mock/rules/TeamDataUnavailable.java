package com.aurouslabs.toolkit.mock.rules;

/**
 * Thrown by a {@link RuleContext#withoutTeamData context without team data} when a check asks for what only the
 * caller's team knows (whether a key is valid or revoked, its rate-limit bucket, its characters, files and LoRAs):
 * the rule cannot be judged from the request alone. One shared instance without a stack trace (it is control flow,
 * not a failure).
 */
public final class TeamDataUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final TeamDataUnavailable INSTANCE = new TeamDataUnavailable();

    private TeamDataUnavailable() {
        super("the rule needs the caller's team data", null, false, false);
    }
}
