package dev.accord.pact.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A generator of the Pact specification: replaces an example value with a generated one when the
 * interaction is replayed. Generators never change what is written in the pact file.
 */
public sealed interface Generator {

  /** The {@code type} written in pact files. */
  String type();

  record RandomInt(int min, int max) implements Generator {
    @Override
    public String type() {
      return "RandomInt";
    }
  }

  record RandomDecimal(int digits) implements Generator {
    @Override
    public String type() {
      return "RandomDecimal";
    }
  }

  record RandomHexadecimal(int digits) implements Generator {
    @Override
    public String type() {
      return "RandomHexadecimal";
    }
  }

  record RandomString(int size) implements Generator {
    @Override
    public String type() {
      return "RandomString";
    }
  }

  record Regex(String regex) implements Generator {
    public Regex {
      Objects.requireNonNull(regex, "regex");
    }

    @Override
    public String type() {
      return "Regex";
    }
  }

  /**
   * Format: {@code simple}, {@code lower-case-hyphenated} (default, null), {@code
   * upper-case-hyphenated}, {@code URN}.
   */
  record Uuid(String format) implements Generator {
    @Override
    public String type() {
      return "Uuid";
    }
  }

  record Date(String format, String expression) implements Generator {
    @Override
    public String type() {
      return "Date";
    }
  }

  record Time(String format, String expression) implements Generator {
    @Override
    public String type() {
      return "Time";
    }
  }

  record DateTime(String format, String expression) implements Generator {
    @Override
    public String type() {
      return "DateTime";
    }
  }

  record RandomBoolean() implements Generator {
    @Override
    public String type() {
      return "RandomBoolean";
    }
  }

  /**
   * A value from the provider state: {@code expression} is either {@code ${name}} interpolation or
   * a bare name (raw lookup keeping the JSON type). Runs only on the provider side.
   */
  record ProviderState(String expression, DataType dataType) implements Generator {
    public ProviderState {
      Objects.requireNonNull(expression, "expression");
    }

    @Override
    public String type() {
      return "ProviderState";
    }
  }

  /**
   * The mock server's base URL with the path captured by group 1 of {@code regex}. Consumer side
   * only.
   */
  record MockServerUrl(String example, String regex) implements Generator {
    @Override
    public String type() {
      return "MockServerURL";
    }
  }

  /** A generator type Accord does not implement (plugins), carried through unchanged. */
  record Other(String type, Map<String, JsonNode> attributes) implements Generator {
    public Other {
      Objects.requireNonNull(type, "type");
      attributes =
          attributes == null
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
  }

  /** The {@code dataType} of a {@code ProviderState} generator. */
  enum DataType {
    STRING,
    INTEGER,
    DECIMAL,
    FLOAT,
    BOOLEAN,
    RAW
  }
}
