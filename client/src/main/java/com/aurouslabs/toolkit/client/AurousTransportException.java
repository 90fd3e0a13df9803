package com.aurouslabs.toolkit.client;

/**
 * No HTTP answer was received: connection refused or reset, DNS failure, connect or read timeout. Retried
 * (the estimate endpoint stores nothing, so repeating it is safe) up to {@link AurousClientOptions#maxRetries()}.
 */
public class AurousTransportException extends AurousException {

  public AurousTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
