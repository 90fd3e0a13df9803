package com.aurouslabs.toolkit.client;

import java.util.List;
import java.util.Map;

/** Status 5xx (type {@code server_error}), including non-JSON answers from a proxy. Retried with backoff. */
public class ServerErrorException extends AurousServiceException {

  public ServerErrorException(String message, int statusCode, Map<String, List<String>> headers, AurousError error) {
    super(message, statusCode, headers, error);
  }
}
