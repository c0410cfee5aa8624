package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Authentication settings that would leave the broker open, or open to an empty password, refuse to
 * start and name the property.
 */
class HalfSetAuthenticationTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      accord.broker.auth.username=admin | accord.broker.auth.username is set but accord.broker.auth.password is not (env ACCORD_BROKER_AUTH_PASSWORD). Set a password for the user, or remove the user.
      accord.broker.auth.password=secret | accord.broker.auth.password is set but accord.broker.auth.username is not (env ACCORD_BROKER_AUTH_USERNAME). Set the user the password belongs to, or remove the password.
      accord.broker.auth.read-only-username=reader | accord.broker.auth.read-only-username is set but accord.broker.auth.read-only-password is not (env ACCORD_BROKER_AUTH_READ_ONLY_PASSWORD). Set a password for the user, or remove the user.
      accord.broker.auth.token= | accord.broker.auth.token is set but empty (env ACCORD_BROKER_AUTH_TOKEN). Give it a value, or remove the setting to leave that way of signing in off.
      'accord.broker.auth.read-only-token= ' | accord.broker.auth.read-only-token is set but empty (env ACCORD_BROKER_AUTH_READ_ONLY_TOKEN). Give it a value, or remove the setting to leave that way of signing in off.
      """)
  void half_set_authentication_refuses_to_start_naming_the_property(String setting, String why) {
    assertThatThrownBy(() -> RunningBroker.onH2(dir, setting).close())
        .rootCause()
        .hasMessage("The broker refuses to start with half-set authentication: " + why);
  }
}
