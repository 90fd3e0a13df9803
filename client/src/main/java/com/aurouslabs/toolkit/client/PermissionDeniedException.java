package com.aurouslabs.toolkit.client;

import java.util.List;
import java.util.Map;

/** Status 403: the key lacks the needed scope ({@code missing_scope}). Never retried. */
public class PermissionDeniedException extends AurousServiceException {

  public PermissionDeniedException(String message, int statusCode, Map<String, List<String>> headers, AurousError error) {
    super(message, statusCode, headers, error);
  }
}
