package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Auths;
import com.aurouslabs.toolkit.conformance.arbitraries.Requests;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.arbitraries.Versions;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.StatisticsReport;

/** Authentication (checked before anything else) and Aurous-Version. */
@RuleFamilies({"auth", "version"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class AuthProperties {

  /** Tries of this property so far (jqwik makes one instance of the class per property). */
  private int turn;

  @Provide
  Arbitrary<EstimateCase> body() {
    // valid bodies and bodies with an input error: authentication must win either way
    return Arbitraries.oneOf(Requests.validBase(), Requests.validBase().map(c -> c.with("steps", 0)),
        Requests.validBase().map(c -> c.without("prompt")));
  }

  @Property
  @Rules({
      "AUTH-MISSING-KEY", "AUTH-INVALID-KEY", "AUTH-REVOKED-KEY", "AUTH-BEARER-ALIAS", "AUTH-LEGACY-OG-KEY",
      "AUTH-HEADER-PRECEDENCE"})
  @Label("credentials are checked first, X-Api-Key wins over Bearer")
  void authentication_is_checked_before_input(@ForAll("body") EstimateCase body) {
    // the modes in turn (every auth rule within the first six tries, whatever the seed); the body is random
    List<Auth> modes = Auths.modes(Conformance.fixtures());
    Auth auth = modes.get(Math.floorMod(turn++, modes.size()));
    Coverage.collect("auth", auth.name());
    String primary = switch (auth) {
      case NONE, BLANK_KEY -> "AUTH-MISSING-KEY";
      case UNKNOWN_KEY, MALFORMED_KEY -> "AUTH-INVALID-KEY";
      case REVOKED_KEY -> "AUTH-REVOKED-KEY";
      case BEARER -> "AUTH-BEARER-ALIAS";
      case LEGACY_KEY -> "AUTH-LEGACY-OG-KEY";
      case KEY_WINS_OVER_BAD_BEARER, BAD_KEY_WINS_OVER_BEARER, BLANK_KEY_WITH_BEARER, OTHER_SCHEME -> "AUTH-HEADER-PRECEDENCE";
      default -> "PRICE-SHAPE";
    };
    Conformance.check(primary, body.auth(auth));
    Coverage.require("auth", "API_KEY", "BEARER", "NONE", "UNKNOWN_KEY", "BAD_KEY_WINS_OVER_BEARER",
        "BLANK_KEY_WITH_BEARER");
  }

  /** One version of every class per try (the try takes one class, in turn). */
  @Provide
  Arbitrary<List<Tagged<Object>>> versions() {
    return Combinators.combine(Versions.classes()).as(List::copyOf);
  }

  @Property
  @Rules({"VERSION-PATTERN", "VERSION-UNKNOWN", "VERSION-PRIOR-DATE", "VERSION-DEFAULT", "VERSION-ECHO"})
  @Label("Aurous-Version is a released version or a prior calendar date, and is echoed")
  void version_header_is_a_released_or_prior_calendar_date(@ForAll("versions") List<Tagged<Object>> versions,
      @ForAll("valid") EstimateCase body) {
    Tagged<Object> version = versions.get(Math.floorMod(turn++, versions.size()));
    Coverage.collect("version class", version.tag());
    String primary = switch (version.tag()) {
      case "not-a-date", "off-pattern" -> "VERSION-PATTERN";
      case "future" -> "VERSION-UNKNOWN";
      case "prior-date" -> "VERSION-PRIOR-DATE";
      case "absent" -> "VERSION-DEFAULT";
      default -> "VERSION-ECHO";
    };
    Conformance.check(primary, body.version((String) version.value()));
    Coverage.require("version class", "absent", "released", "prior-date", "future", "not-a-date", "off-pattern");
  }

  @Provide
  Arbitrary<EstimateCase> valid() {
    return Requests.validBase();
  }
}
