package com.aurouslabs.toolkit.client;

import java.util.List;
import java.util.Map;

/** Status 404 or 410 (type {@code not_found}): unknown or other-team character, file or LoRA. Never retried. */
public class NotFoundException extends AurousServiceException {

  public NotFoundException(String message, int statusCode, Map<String, List<String>> headers, AurousError error) {
    super(message, statusCode, headers, error);
  }
}
