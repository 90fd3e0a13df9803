package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.http.Exchange;

/** A conformance failure; carries the exchange so a {@link Batch} can go on checking invariants. */
public final class ConformanceFailure extends AssertionError {

  private final transient Exchange exchange;

  ConformanceFailure(String message, Exchange exchange) {
    super(message);
    this.exchange = exchange;
  }

  public Exchange exchange() {
    return exchange;
  }
}
