package com.aurouslabs.toolkit.client;

import com.aurouslabs.toolkit.client.generated.invoker.ApiClient;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The generated {@link ApiClient} with the API key registered through the generated {@code ApiKeyAuth}
 * interceptor, and an ObjectMapper that leaves unset optional fields out instead of sending {@code null}
 * (stack-notes pitfall 2). The encoder and decoder share this mapper.
 */
final class AurousApiClient extends ApiClient {

  AurousApiClient(String apiKey) {
    super("ApiKeyAuth", apiKey);
  }

  @Override
  protected ObjectMapper createObjectMapper() {
    ObjectMapper mapper = super.createObjectMapper();
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    return mapper;
  }
}
