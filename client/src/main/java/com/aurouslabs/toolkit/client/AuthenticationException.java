package com.aurouslabs.toolkit.client;

import java.util.List;
import java.util.Map;

/** Status 401 (type {@code authentication}): missing, unknown or revoked key. Never retried. */
public class AuthenticationException extends AurousServiceException {

  public AuthenticationException(String message, int statusCode, Map<String, List<String>> headers, AurousError error) {
    super(message, statusCode, headers, error);
  }
}
