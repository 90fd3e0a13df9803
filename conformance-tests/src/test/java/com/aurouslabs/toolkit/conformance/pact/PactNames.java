package com.aurouslabs.toolkit.conformance.pact;

import com.aurouslabs.toolkit.conformance.config.Fixture;

/** Names and example values shared by the consumer and provider sides (examples = the mock's fixtures). */
final class PactNames {
  static final String CONSUMER = BundledPacts.CONSUMER;
  static final String PROVIDER = BundledPacts.PROVIDER;

  static final String STATE_RATE_CARD = "the team has an API key and the default rate card";
  static final String STATE_NOT_READY = "the team has a character that is not ready";
  static final String STATE_UNKNOWN_CHARACTER = "no character with the requested id exists";
  static final String STATE_BUCKET_EMPTY = BundledPacts.STATE_BUCKET_EMPTY;

  static final String EXAMPLE_KEY = Fixture.MOCK_API_KEY;
  static final String EXAMPLE_NOT_READY = Fixture.NOT_READY_CHARACTER.mockDefault().split(",")[0];
  static final String UNKNOWN_CHARACTER = "char_01JZZZZZZZZZZZZZZZZZZZZZZZ";
  static final String REQUEST_ID = "^req_[0-9A-Za-z]{20,40}$";

  private PactNames() {}
}
