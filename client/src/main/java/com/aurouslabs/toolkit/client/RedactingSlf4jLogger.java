package com.aurouslabs.toolkit.client;

import feign.slf4j.Slf4jLogger;

/**
 * Feign's SLF4J logger with credentials masked: the values of {@code X-Api-Key}, {@code Authorization} and
 * cookie headers are written as {@code ****} at every level, and any stray occurrence of the key in a line
 * (a body echoing it, say) is masked too.
 */
final class RedactingSlf4jLogger extends Slf4jLogger {

  private static final String HEADER_FORMAT = "%s: %s";

  private final String apiKey;

  RedactingSlf4jLogger(String loggerName, String apiKey) {
    super(loggerName);
    this.apiKey = apiKey;
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    Object[] safe = args == null ? new Object[0] : args.clone();
    if (HEADER_FORMAT.equals(format) && safe.length == 2 && Redaction.isSensitiveHeader(String.valueOf(safe[0]))) {
      safe[1] = Redaction.MASK;
    }
    String line;
    try {
      line = String.format(format, safe);
    } catch (RuntimeException badFormat) {
      line = format;
    }
    super.log(configKey, "%s", Redaction.scrub(line, apiKey));
  }
}
