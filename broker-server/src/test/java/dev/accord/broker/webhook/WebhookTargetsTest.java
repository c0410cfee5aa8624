package dev.accord.broker.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The target check as delivery runs it: after DNS resolution, so a public-looking name for an
 * internal address is refused.
 */
class WebhookTargetsTest {
  static InetAddress[] ip(String... addresses) throws Exception {
    InetAddress[] result = new InetAddress[addresses.length];
    for (int i = 0; i < addresses.length; i++) {
      result[i] = InetAddress.getByName(addresses[i]);
    }
    return result;
  }

  static WebhookTargets targets(String... allowedHosts) {
    WebhookProperties p = new WebhookProperties();
    p.setAllowedHosts(List.of(allowedHosts));
    return new WebhookTargets(p);
  }

  @Test
  void aNameThatResolvesToAnInternalAddressIsRefusedUnlessAllowListed() throws Exception {
    assertThat(targets().refusal("ci.example.com", ip("10.1.2.3")))
        .isEqualTo(
            "host \"ci.example.com\" resolves to 10.1.2.3, a private (site-local) "
                + "address; webhooks may not target internal addresses unless the host is listed in accord.webhooks.allowed-hosts");
    assertThat(targets().refusal("ci.example.com", ip("93.184.216.34", "127.0.0.1")))
        .contains("a loopback address");
    assertThat(targets().refusal("ci.example.com", ip("93.184.216.34"))).isNull();
    assertThat(targets("ci.example.com").refusal("ci.example.com", ip("10.1.2.3"))).isNull();
    assertThat(targets("*.example.com").refusal("ci.example.com", ip("10.1.2.3"))).isNull();
    assertThat(targets("10.0.0.0/8").refusal("ci.example.com", ip("10.1.2.3"))).isNull();
    assertThat(targets("10.0.0.0/16").refusal("ci.example.com", ip("10.1.2.3")))
        .contains("is not in the allowed hosts [10.0.0.0/16]");
  }

  @Test
  void internalKindsCoverTheUsualRanges() throws Exception {
    assertThat(WebhookTargets.internalKind(ip("169.254.169.254")[0])).isEqualTo("link-local");
    assertThat(WebhookTargets.internalKind(ip("192.168.0.1")[0])).isEqualTo("private (site-local)");
    assertThat(WebhookTargets.internalKind(ip("100.64.0.1")[0]))
        .isEqualTo("carrier-grade NAT (100.64.0.0/10)");
    assertThat(WebhookTargets.internalKind(ip("0.0.0.0")[0])).isEqualTo("unspecified");
    assertThat(WebhookTargets.internalKind(ip("224.0.0.1")[0])).isEqualTo("multicast");
    assertThat(WebhookTargets.internalKind(ip("fd00::1")[0]))
        .isEqualTo("private (IPv6 unique-local)");
    assertThat(WebhookTargets.internalKind(ip("::ffff:127.0.0.1")[0])).isEqualTo("loopback");
    assertThat(WebhookTargets.internalKind(ip("8.8.8.8")[0])).isNull();
  }
}
