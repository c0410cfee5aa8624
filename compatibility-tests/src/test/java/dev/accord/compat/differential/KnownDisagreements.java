package dev.accord.compat.differential;

import static dev.accord.compat.differential.KnownDisagreement.referenceWrong;

import java.util.List;

/**
 * The understood disagreements between Accord and the reference implementation, as data: each names
 * the cases it covers (a regex over the case signature and which side passes), why they disagree,
 * and whether Accord is being fixed or the reference implementation is wrong (docs/compatibility.md
 * quotes the specification). An entry for an Accord bug goes when the fix lands; the differential
 * test then proves the fix.
 */
final class KnownDisagreements {
  private KnownDisagreements() {}

  private static final String ACCORD_ONLY = "accord=PASS ref=FAIL";
  private static final String REFERENCE_ONLY = "accord=FAIL ref=PASS";

  static final List<KnownDisagreement> LIST =
      List.of(
          referenceWrong(
              "a message's +json/+xml content type",
              ACCORD_ONLY,
              "^MESSAGE V\\d body:(json|xml) .*actualContentType=\\S+\\+(json|xml)",
              "a message produced as application/vnd.api+json (or application/atom+xml) fails a JSON (XML) expectation in the"
                  + " reference ('Expected message with content type application/json but was application/vnd.api+json'),"
                  + " although the reference accepts the very same type for an HTTP body (pact_models"
                  + " ContentType::is_equivalent_to); the specification (§1.6): a body is matched by its content type, and"
                  + " a structured-syntax suffix (RFC 6839) names that type; Accord treats messages as it treats HTTP"
                  + " bodies"),
          referenceWrong(
              "a V4 header value with a comma",
              ACCORD_ONLY,
              "^(REQUEST|RESPONSE) V4 header:Accept no-rule expected='[^']*,[^']*'",
              "a V4 pact's header value 'application/json, text/plain' (one list item) fails against the very same"
                  + " header line: the reference splits the actual value at commas but not the expected one. The"
                  + " specification (§2.7): 'Lists compared by position; order matters; whitespace after commas"
                  + " ignored', and RFC 9110 §5.3: a comma-separated line means the same as the values on separate"
                  + " lines"),
          referenceWrong(
              "notEmpty ignores the type",
              REFERENCE_ONLY,
              "notEmpty",
              "the reference passes notEmpty for a value of another type (example 'x', actual 42 or [1,2]); the"
                  + " specification: 'NotEmpty ... type match + non-empty' and the compatibility suite's 'not empty"
                  + " matcher (negative case 2, types are different)'"),
          referenceWrong(
              "decimal accepts an integer string",
              REFERENCE_ONLY,
              "(header:X-Val|query:q|body:xml \\S+|body:form \\$\\.b|metadata:key) decimal actual=\"-?\\d+\"",
              "in headers, query, XML, form and metadata values the reference takes '123' and '-5' as decimals; the"
                  + " specification: 'Decimal: number with fractional digits; 100 fails'"),
          referenceWrong(
              "integer refuses a negative string",
              ACCORD_ONLY,
              "(header:X-Val|query:q|body:xml \\S+|body:form \\$\\.b|metadata:key) integer actual=\"-\\d+\"",
              "in text values the reference refuses '-5' as an integer ('Expected '-5' to match an integer number');"
                  + " the specification: 'Integer: JSON integer (no fractional part)', and §2.7 'Number/integer/decimal"
                  + " matchers coerce string values'"),
          referenceWrong(
              "extra form parameter in a response",
              ACCORD_ONLY,
              "^(RESPONSE|MESSAGE) V\\d body:form .*extra=",
              "the reference fails a response form body with an unexpected parameter; the specification (§2.5):"
                  + " 'extra form-urlencoded parameter | Request: mismatch | Response: allowed'"),
          referenceWrong(
              "regex on an object or array",
              ACCORD_ONLY,
              "regex\\(.*\\) actual=[\\[{]",
              "the reference fails a regex rule whose actual value is an object or array; the specification: 'Regex"
                  + " ... regex on arrays/objects is a no-op pass'"),
          referenceWrong(
              "regex passes null",
              REFERENCE_ONLY,
              "regex\\(.*\\) actual=null",
              "the reference passes a regex rule when the actual value is null; the specification: 'Regex ... string"
                  + " form of value must match ...; null fails'"),
          referenceWrong(
              "number matchers in message metadata read text",
              ACCORD_ONLY,
              "metadata:key (integer|decimal|number) actual=",
              "Accord reads a metadata value in string form for integer/decimal/number ('1.5' is a number); the"
                  + " reference refuses every string. The specification (§2.7): 'Number/integer/decimal matchers coerce"
                  + " string values in headers and query'; metadata are a message's headers (Kafka, AMQP headers are"
                  + " text), so Accord applies the same coercion"),
          referenceWrong(
              "date with one-digit month or day",
              REFERENCE_ONLY,
              "date\\(yyyy-MM-dd\\) actual=\"\\d{4}-\\d-\\d\"",
              "the reference takes '2024-1-5' for 'yyyy-MM-dd'; the specification: 'Date ... Java DateTimeFormatter"
                  + " pattern', in which MM and dd are two digits"),
          referenceWrong(
              "repeated form parameter: only one value checked",
              REFERENCE_ONLY,
              "body:form \\$\\.b .*extra=&b=",
              "with a rule on a form parameter sent twice ('b=2.0&b=2', decimal), the reference passes although '2'"
                  + " breaks the rule; the specification (§2.8, query, which §2.9 applies to form bodies): 'with a"
                  + " matcher each actual value is matched'"),
          referenceWrong(
              "XML attribute line breaks",
              ACCORD_ONLY,
              "body:xml \\S+\\['@id'\\] .*actual=\"[^\"]*\\\\n",
              "a line break written in an XML attribute value is a space once parsed (XML 1.0 §3.3.3, attribute-value"
                  + " normalization: 'For a white space character (#x20, #xD, #xA, #x9), append a space character'),"
                  + " so 'a\\nc' matches 'a.c'; the reference keeps the line break"),
          referenceWrong(
              "text regex is dot-all",
              ACCORD_ONLY,
              "body:text \\$ regex\\([^)]*\\) actual='[^']*\\\\n'",
              "the reference's '.' does not match a line break in a text body; the specification (§2.9): 'text/plain"
                  + " | ... a regex rule at $ over the whole text (multiline + dot-all)'"));
}
