package com.aurouslabs.toolkit.client;

import java.util.List;
import java.util.Map;

/** Status 400, 402, 409, 413 or 422 (type {@code invalid_request}): fix the input; {@link #param()} names the field. Never retried. */
public class InvalidRequestException extends AurousServiceException {

  public InvalidRequestException(String message, int statusCode, Map<String, List<String>> headers, AurousError error) {
    super(message, statusCode, headers, error);
  }
}
