package dev.accord.broker.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code accord.webhooks.*}: what webhooks may target and how they are delivered. Defaults are the
 * safe ones: https only, POST only, no internal addresses.
 */
@Component
@ConfigurationProperties("accord.webhooks")
public class WebhookProperties {
  /**
   * Whether this instance runs the delivery worker. Events are queued either way (another instance
   * may deliver).
   */
  private boolean enabled = true;

  private List<String> allowedSchemes = new ArrayList<>(List.of("https"));
  private List<String> allowedMethods = new ArrayList<>(List.of("POST"));

  /**
   * Host names, {@code *.example.com} wildcards, IP addresses or CIDR ranges. Empty = any public
   * host.
   */
  private List<String> allowedHosts = new ArrayList<>();

  /** Delays before the 2nd, 3rd, ... attempt; after the last one the delivery is marked failed. */
  private List<Duration> retrySchedule =
      new ArrayList<>(
          List.of(
              Duration.ofSeconds(10),
              Duration.ofMinutes(1),
              Duration.ofMinutes(2),
              Duration.ofMinutes(5),
              Duration.ofMinutes(10),
              Duration.ofMinutes(20)));

  private Duration pollInterval = Duration.ofSeconds(5);
  private Duration connectTimeout = Duration.ofSeconds(5);
  private Duration requestTimeout = Duration.ofSeconds(30);

  /**
   * A claimed delivery not finished after this long (its instance died) is claimed again. Must
   * exceed the timeouts.
   */
  private Duration claimTimeout = Duration.ofMinutes(5);

  /** Sender threads per instance: how many attempts may be in flight at once. */
  private int concurrency = 4;

  /** Encrypts webhook passwords and sensitive header values at rest (AES-GCM) when set. */
  private String secretKey = "";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getAllowedSchemes() {
    return allowedSchemes;
  }

  public void setAllowedSchemes(List<String> allowedSchemes) {
    this.allowedSchemes = nonBlank(allowedSchemes);
  }

  public List<String> getAllowedMethods() {
    return allowedMethods;
  }

  public void setAllowedMethods(List<String> allowedMethods) {
    this.allowedMethods = nonBlank(allowedMethods);
  }

  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  public void setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = nonBlank(allowedHosts);
  }

  public List<Duration> getRetrySchedule() {
    return retrySchedule;
  }

  public void setRetrySchedule(List<Duration> retrySchedule) {
    this.retrySchedule = retrySchedule;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public Duration getClaimTimeout() {
    return claimTimeout;
  }

  public void setClaimTimeout(Duration claimTimeout) {
    this.claimTimeout = claimTimeout;
  }

  private static List<String> nonBlank(List<String> values) {
    return new ArrayList<>(values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList());
  }

  public String getSecretKey() {
    return secretKey;
  }

  public void setSecretKey(String secretKey) {
    this.secretKey = secretKey;
  }

  public int getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(int concurrency) {
    this.concurrency = concurrency;
  }
}
