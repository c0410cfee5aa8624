package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.path.BodyPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Compares XML documents with the JDK DOM (namespace-aware: elements and attributes compare by
 * namespace URI and local name, prefixes are irrelevant; DOCTYPEs and external entities are
 * refused). Rule paths use element names as fields, {@code @name} for attributes and {@code #text}
 * for text: {@code $.people.person['@id']}, {@code $.values.one['#text']}. Unexpected attributes
 * and children fail only when strict (requests), and an unexpected child also where a type rule
 * reaches it; a {@code min}/{@code max} rule bounds the children of the element at its path (as the
 * reference implementation does).
 */
public final class XmlBodyMatcher {
  private final boolean strict;
  private final MismatchCollector out;

  private XmlBodyMatcher(boolean strict, MismatchCollector out) {
    this.strict = strict;
    this.out = out;
  }

  public static void match(
      byte[] expected, byte[] actual, RuleIndex rules, boolean strict, MismatchCollector out) {
    Document e;
    try {
      e = parse(expected);
    } catch (Exception ex) {
      out.add(
          "$",
          null,
          null,
          "The expected XML body in the pact is not well-formed XML: " + ex.getMessage());
      return;
    }
    Document a;
    try {
      a = parse(actual);
    } catch (Exception ex) {
      out.add(
          "$",
          null,
          null,
          "Expected an XML body but the actual body is not well-formed XML: " + ex.getMessage());
      return;
    }
    Element expectedRoot = e.getDocumentElement();
    Element actualRoot = a.getDocumentElement();
    if (!sameName(expectedRoot, actualRoot)) {
      out.add(
          "$",
          describe(expectedRoot, actualRoot),
          describe(actualRoot, expectedRoot),
          "Expected element "
              + describe(expectedRoot, actualRoot)
              + " but received "
              + describe(actualRoot, expectedRoot));
      return;
    }
    String rootName = name(expectedRoot);
    new XmlBodyMatcher(strict, out)
        .compareElement(
            expectedRoot,
            actualRoot,
            BodyPath.root().field(rootName),
            rules.rootCursor().field(rootName));
  }

  /** A hardened, namespace-aware DOM parse. */
  static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setIgnoringComments(true);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException ex) {
      throw new IllegalStateException(
          "The XML parser cannot be secured against external entities", ex);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    DocumentBuilder builder = f.newDocumentBuilder();
    builder.setErrorHandler(
        new org.xml.sax.ErrorHandler() {
          @Override
          public void warning(org.xml.sax.SAXParseException e) {}

          @Override
          public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
            throw e;
          }

          @Override
          public void fatalError(org.xml.sax.SAXParseException e)
              throws org.xml.sax.SAXParseException {
            throw e;
          }
        });
    return builder.parse(new ByteArrayInputStream(bytes));
  }

  private void compareElement(Element expected, Element actual, BodyPath path, RuleCursor cursor) {
    childCount(actual, path, cursor);
    compareAttributes(expected, actual, path, cursor);
    compareChildren(expected, actual, path, cursor);
    compareText(expected, actual, path, cursor);
  }

  private void compareAttributes(
      Element expected, Element actual, BodyPath path, RuleCursor cursor) {
    Map<String, Attr> expectedAttrs = attributes(expected);
    Map<String, Attr> actualAttrs = attributes(actual);
    for (Map.Entry<String, Attr> e : expectedAttrs.entrySet()) {
      Attr attr = e.getValue();
      String attrName = "@" + name(attr);
      Attr other = actualAttrs.get(e.getKey());
      BodyPath attrPath = path.field(attrName);
      if (other == null) {
        out.add(
            attrPath.toString(),
            attr.getValue(),
            null,
            "Expected attribute " + attrName + "='" + attr.getValue() + "' but was missing");
        continue;
      }
      RuleCursor attrCursor = cursor.field(attrName);
      compareString(
          attr.getValue(),
          other.getValue(),
          attrPath,
          attrCursor,
          () ->
              "Expected "
                  + attrName
                  + "='"
                  + attr.getValue()
                  + "' but received '"
                  + other.getValue()
                  + "'");
    }
    if (strict) {
      for (Map.Entry<String, Attr> a : actualAttrs.entrySet()) {
        if (!expectedAttrs.containsKey(a.getKey())) {
          out.add(
              path.field("@" + name(a.getValue())).toString(),
              null,
              a.getValue().getValue(),
              "Unexpected attribute @"
                  + name(a.getValue())
                  + "='"
                  + a.getValue().getValue()
                  + "' received");
        }
      }
    }
  }

  /**
   * A {@code min}/{@code max} rule defined at an element's own path bounds that element's children
   * (element and text nodes), as the Pact specification's XML examples and the reference
   * implementation read it: {@code $.animals} with {@code min: 2} needs {@code <animals>} to hold
   * at least two children.
   */
  private void childCount(Element actual, BodyPath path, RuleCursor cursor) {
    if (!cursor.hasRules() || cursor.cascaded()) {
      return;
    }
    int size = childNodes(actual);
    String name = name(actual);
    for (MatchingRule rule : cursor.rules().rules()) {
      if (rule instanceof MatchingRule.Type t) {
        if (t.min() != null && size < t.min()) {
          out.add(
              path.toString(),
              String.valueOf(t.min()),
              String.valueOf(size),
              "Expected <"
                  + name
                  + "/> to have at least "
                  + t.min()
                  + " child node(s) but received "
                  + size);
        }
        if (t.max() != null && size > t.max()) {
          out.add(
              path.toString(),
              String.valueOf(t.max()),
              String.valueOf(size),
              "Expected <"
                  + name
                  + "/> to have at most "
                  + t.max()
                  + " child node(s) but received "
                  + size);
        }
      }
    }
  }

  private static int childNodes(Element element) {
    int count = 0;
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element
          || ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
              && !n.getNodeValue().isBlank())) {
        count++;
      }
    }
    return count;
  }

  private void compareChildren(Element expected, Element actual, BodyPath path, RuleCursor cursor) {
    Map<String, List<Element>> expectedChildren = children(expected);
    Map<String, List<Element>> actualChildren = children(actual);
    for (Map.Entry<String, List<Element>> group : expectedChildren.entrySet()) {
      List<Element> expectedGroup = group.getValue();
      String childName = name(expectedGroup.get(0));
      List<Element> actualGroup = actualChildren.getOrDefault(group.getKey(), List.of());
      RuleCursor childCursor = cursor.field(childName);
      BodyPath childPath = path.field(childName);
      if (actualGroup.isEmpty()) {
        missingChild(expectedGroup.get(0), actual, path);
        continue;
      }
      if (childCursor.hasRules()) {
        // with a rule, each actual child is compared with the expected one at its index (else the
        // first)
        for (int i = 0; i < actualGroup.size(); i++) {
          Element template = i < expectedGroup.size() ? expectedGroup.get(i) : expectedGroup.get(0);
          compareElement(
              template, actualGroup.get(i), display(childPath, i, actualGroup.size()), childCursor);
        }
        continue;
      }
      // without a rule: fewer is a mismatch everywhere, more only in a request (responses are
      // lenient)
      if (actualGroup.size() < expectedGroup.size()
          || (strict && actualGroup.size() > expectedGroup.size())) {
        out.add(
            childPath.toString(),
            String.valueOf(expectedGroup.size()),
            String.valueOf(actualGroup.size()),
            "Expected "
                + expectedGroup.size()
                + " <"
                + childName
                + "/> child element(s) but received "
                + actualGroup.size());
      }
      int n = Math.min(expectedGroup.size(), actualGroup.size());
      for (int i = 0; i < n; i++) {
        compareElement(
            expectedGroup.get(i), actualGroup.get(i), display(childPath, i, n), childCursor);
      }
    }
    for (Map.Entry<String, List<Element>> group : actualChildren.entrySet()) {
      if (expectedChildren.containsKey(group.getKey())) {
        continue;
      }
      String childName = name(group.getValue().get(0));
      // a type rule reaching this child (e.g. on its container) asks for children like the expected
      // ones
      if (strict || typeRuleApplies(cursor.field(childName))) {
        out.add(
            path.field(childName).toString(),
            null,
            "<" + qname(group.getValue().get(0)) + "/>",
            "Unexpected child <" + qname(group.getValue().get(0)) + "/> received");
      }
    }
  }

  private static boolean typeRuleApplies(RuleCursor cursor) {
    return cursor.hasRules()
        && cursor.rules().rules().stream().anyMatch(r -> r instanceof MatchingRule.Type);
  }

  /**
   * An expected child absent from {@code actualParent}; one of the same local name in another
   * namespace is named.
   */
  private void missingChild(Element expectedChild, Element actualParent, BodyPath parent) {
    String childName = name(expectedChild);
    for (List<Element> group : children(actualParent).values()) {
      Element other = group.get(0);
      if (name(other).equals(childName)) {
        out.add(
            parent.field(childName).toString(),
            describe(expectedChild, other),
            describe(other, expectedChild),
            "Expected child "
                + describe(expectedChild, other)
                + " but received "
                + describe(other, expectedChild));
        return;
      }
    }
    out.add(
        parent.field(childName).toString(),
        "<" + childName + "/>",
        null,
        "Expected child <" + childName + "/> but was missing");
  }

  /** {@code <a:alligator/>}, with its namespace URI when the other element's differs. */
  private static String describe(Element element, Element other) {
    String text = "<" + qname(element) + "/>";
    if (!Objects.equals(element.getNamespaceURI(), other.getNamespaceURI())) {
      text +=
          element.getNamespaceURI() == null
              ? " (no namespace)"
              : " (namespace " + element.getNamespaceURI() + ")";
    }
    return text;
  }

  private static BodyPath display(BodyPath path, int index, int count) {
    return count > 1 ? path.index(index) : path;
  }

  private void compareText(Element expected, Element actual, BodyPath path, RuleCursor cursor) {
    String expectedText = text(expected);
    String actualText = text(actual);
    RuleCursor textCursor = cursor.field("#text");
    boolean expectedHasChildren = !children(expected).isEmpty();
    if (expectedHasChildren && expectedText.isEmpty() && !textCursor.hasRules()) {
      return;
    }
    compareString(
        expectedText,
        actualText,
        path.field("#text"),
        textCursor,
        () -> "Expected value '" + expectedText + "' but received '" + actualText + "'");
  }

  private void compareString(
      String expected,
      String actual,
      BodyPath path,
      RuleCursor cursor,
      java.util.function.Supplier<String> equalityMessage) {
    if (cursor.hasRules()) {
      List<String> problems =
          ValueRules.apply(
              cursor.rules(),
              Json.nodes().stringNode(expected),
              Json.nodes().stringNode(actual),
              cursor.cascaded(),
              true);
      problems.forEach(p -> out.add(path.toString(), expected, actual, p));
    } else if (!Objects.equals(expected, actual)) {
      out.add(path.toString(), expected, actual, equalityMessage.get());
    }
  }

  private static String text(Element element) {
    StringBuilder sb = new StringBuilder();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        sb.append(n.getNodeValue());
      }
    }
    return sb.toString().trim();
  }

  private static Map<String, List<Element>> children(Element element) {
    Map<String, List<Element>> result = new LinkedHashMap<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child) {
        result.computeIfAbsent(key(child), k -> new ArrayList<>()).add(child);
      }
    }
    return result;
  }

  private static Map<String, Attr> attributes(Element element) {
    Map<String, Attr> result = new LinkedHashMap<>();
    NamedNodeMap attrs = element.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr attr = (Attr) attrs.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
        continue;
      }
      result.put(key(attr), attr);
    }
    return result;
  }

  /** Namespace URI and local name: prefixes do not matter. */
  private static String key(Node node) {
    String ns = node.getNamespaceURI();
    return (ns == null ? "" : "{" + ns + "}") + name(node);
  }

  private static String name(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static String qname(Node node) {
    return node.getNodeName();
  }

  private static boolean sameName(Node a, Node b) {
    return key(a).equals(key(b));
  }
}
