package com.aurouslabs.toolkit.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.aurouslabs.toolkit.conformance.SuiteRun;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pacts and spec cannot drift: every interaction of every pact under target/pacts (request and response) is
 * validated against the OpenAPI document with swagger-request-validator (PactRequest/PactResponse-style mapping).
 */
class PactSpecDriftTest {

  @Test
  void every_pact_interaction_is_valid_against_the_openapi_document() {
    File dir = new File(System.getProperty("pact.rootDir", "target/pacts"));
    File[] files = dir.listFiles((d, n) -> n.endsWith(".json"));
    assertThat(files).as("pact files in " + dir + " (written by EstimateClientPactTest)").isNotEmpty();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (File f : files) {
      Pact pact = DefaultPactReader.INSTANCE.loadPact(f);
      for (Interaction i : pact.getInteractions()) {
        SynchronousRequestResponse rr = i.asSynchronousRequestResponse();
        ValidationReport report = com.aurouslabs.toolkit.conformance.Conformance.run().checks().validator().validate(request(rr), response(rr));
        List<String> errors = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .map(m -> f.getName() + " / " + i.getDescription() + ": " + m.getMessage()).toList();
        problems.addAll(errors);
        PactResults.record(i, "OpenAPI document (spec drift check, no request)", errors.isEmpty() ? "passed"
            : "failed", errors.isEmpty() ? null : String.join("; ", errors));
        checked++;
      }
    }
    assertThat(checked).as("interactions checked").isGreaterThanOrEqualTo(6);
    assertThat(problems).as("pact interactions that break the OpenAPI document").isEmpty();
  }

  static Request request(SynchronousRequestResponse rr) {
    var r = rr.getRequest();
    SimpleRequest.Builder b = new SimpleRequest.Builder(r.getMethod(), r.getPath());
    for (Map.Entry<String, List<String>> h : r.getHeaders().entrySet()) {
      b.withHeader(h.getKey(), h.getValue());
    }
    r.getQuery().forEach(b::withQueryParam);
    if (r.getBody().isPresent()) {
      b.withBody(r.getBody().valueAsString());
    }
    return b.build();
  }

  static SimpleResponse response(SynchronousRequestResponse rr) {
    var r = rr.getResponse();
    SimpleResponse.Builder b = SimpleResponse.Builder.status(r.getStatus());
    for (Map.Entry<String, List<String>> h : r.getHeaders().entrySet()) {
      b.withHeader(h.getKey(), h.getValue());
    }
    if (r.getBody().isPresent()) {
      b.withBody(r.getBody().valueAsString());
    }
    return b.build();
  }
}
