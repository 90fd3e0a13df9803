package com.aurouslabs.toolkit.client;

/**
 * How much of each HTTP exchange the client logs (at SLF4J DEBUG, logger {@value AurousClient#HTTP_LOGGER}).
 * Credentials ({@code X-Api-Key}, {@code Authorization}, cookies) are always written as {@code ****}.
 */
public enum LogLevel {
  /** Nothing (the default). */
  NONE,
  /** Request method and URL, response status and timing. */
  BASIC,
  /** BASIC plus request and response headers. */
  HEADERS,
  /** HEADERS plus request and response bodies. */
  FULL
}
