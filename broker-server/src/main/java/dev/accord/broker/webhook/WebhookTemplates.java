package dev.accord.broker.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${pactbroker.X}} substitution: URL-encoded in URLs, raw in headers and bodies (as the Ruby
 * broker does).
 */
final class WebhookTemplates {
  static final Pattern VARIABLE = Pattern.compile("\\$\\{pactbroker\\.([A-Za-z]+)}");

  /** Every variable of the Pact broker's webhook templates. */
  static final List<String> NAMES =
      List.of(
          "pactUrl",
          "verificationResultUrl",
          "consumerName",
          "providerName",
          "consumerVersionNumber",
          "providerVersionNumber",
          "consumerVersionTags",
          "providerVersionTags",
          "consumerVersionBranch",
          "providerVersionBranch",
          "providerVersionDescriptions",
          "consumerLabels",
          "providerLabels",
          "buildUrl",
          "eventName",
          "currentlyDeployedProviderVersionNumber",
          "githubVerificationStatus",
          "bitbucketVerificationStatus",
          "gitlabVerificationStatus",
          "azureDevOpsVerificationStatus");

  private static final Set<String> KNOWN = Set.copyOf(NAMES);

  private WebhookTemplates() {}

  static String renderUrl(String template, Map<String, String> values) {
    return render(template, values, true);
  }

  static String render(String template, Map<String, String> values) {
    return render(template, values, false);
  }

  private static String render(String template, Map<String, String> values, boolean encode) {
    if (template == null) {
      return null;
    }
    Matcher m = VARIABLE.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = values.getOrDefault(m.group(1), "");
      if (value == null) {
        value = "";
      }
      m.appendReplacement(
          sb,
          Matcher.quoteReplacement(
              encode
                  ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
                  : value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Variables a template uses that do not exist (most likely typos). */
  static List<String> unknown(String template) {
    List<String> unknown = new ArrayList<>();
    if (template == null) {
      return unknown;
    }
    Matcher m = VARIABLE.matcher(template);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        unknown.add(m.group());
      }
    }
    return unknown;
  }
}
