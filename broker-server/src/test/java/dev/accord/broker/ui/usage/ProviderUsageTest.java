package dev.accord.broker.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.broker.ui.usage.ProviderUsage.ConsumerPact;
import dev.accord.broker.ui.usage.ProviderUsage.Endpoint;
import dev.accord.broker.ui.usage.ProviderUsage.Field;
import dev.accord.pact.json.PactReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderUsageTest {
  private static ConsumerPact pact(String consumer, String version, String json) {
    return new ConsumerPact(
        consumer, version, PactReader.readWithWarnings(json.replace('\'', '"'), "test").pact());
  }

  private static String v3(String consumer, String interactions) {
    return "{'consumer':{'name':'"
        + consumer
        + "'},'provider':{'name':'products'},'interactions':["
        + interactions
        + "],'metadata':{'pactSpecification':{'version':'3.0.0'}}}";
  }

  private static Field field(Endpoint e, String label) {
    return e.responseFields().stream()
        .filter(f -> f.label().equals(label))
        .findFirst()
        .or(() -> e.requestFields().stream().filter(f -> f.label().equals(label)).findFirst())
        .orElseThrow(
            () ->
                new AssertionError(
                    "no field "
                        + label
                        + " in "
                        + e.responseFields().stream().map(Field::label).toList()
                        + " / "
                        + e.requestFields().stream().map(Field::label).toList()));
  }

  static final String LIST =
      "{'description':'list products','request':{'method':'GET','path':'/api/products','query':{'category':['tools']}},"
          + "'response':{'status':200,'headers':{'Content-Type':'application/json'},"
          + "'body':{'items':[{'id':1,'price':9.99,'tags':['a','b'],'supplier':{'name':'ACME'}}],'total':1,'a.b':true},"
          + "'matchingRules':{'body':{'$.items':{'matchers':[{'match':'type','min':1}]},'$.items[*].id':{'matchers':[{'match':'integer'}]},"
          + "'$.total':{'matchers':[{'match':'integer'}]}},'header':{'Content-Type':{'matchers':[{'match':'regex','regex':'application/json.*'}]}}}}}";

  @Test
  void nestedObjectsAndEachLikeArraysFlattenToPathsWithTheMatcherEachConsumerReliesOn() {
    // GIVEN a V3 pact with an eachLike array of objects, a nested object and a key that needs
    // quoting
    ProviderUsage usage = ProviderUsage.of(List.of(pact("web", "1.0.0", v3("web", LIST))));
    // WHEN
    Endpoint e = usage.endpoints().get(0);
    // THEN
    assertThat(e.name()).isEqualTo("GET /api/products");
    assertThat(e.responseFields())
        .extracting(Field::label)
        .containsExactly(
            "status 200",
            "header Content-Type",
            "body $.items",
            "body $.items[*].id",
            "body $.items[*].price",
            "body $.items[*].tags",
            "body $.items[*].tags[*]",
            "body $.items[*].supplier",
            "body $.items[*].supplier.name",
            "body $.total",
            "body $['a.b']");
    assertThat(field(e, "body $.items").uses())
        .containsExactly(new ProviderUsage.Use("web", "1.0.0", "type min 1"));
    assertThat(field(e, "body $.items[*].id").uses().get(0).matcher()).isEqualTo("integer");
    assertThat(field(e, "body $.items[*].price").uses().get(0).matcher())
        .isEqualTo("type min 1 (from $.items)");
    assertThat(field(e, "body $['a.b']").uses().get(0).matcher()).isEqualTo("exact");
    assertThat(field(e, "header Content-Type").uses().get(0).matcher())
        .isEqualTo("regex application/json.*");
    assertThat(field(e, "status 200").uses().get(0).matcher()).isEqualTo("exact");
    assertThat(field(e, "query category").uses())
        .extracting(ProviderUsage.Use::consumer)
        .containsExactly("web");
  }

  @Test
  void pathsARegexMatcherParameterisesAreOneEndpointWithEveryConsumerCountedPerField() {
    // GIVEN two consumers fetching different products through a path regex
    String byId =
        "{'description':'get product','request':{'method':'GET','path':'/api/products/prod-00%s',"
            + "'matchingRules':{'path':{'matchers':[{'match':'regex','regex':'/api/products/prod-\\\\d+'}]}}},"
            + "'response':{'status':200,'body':{'id':'prod-001','price':%s}}}";
    ProviderUsage usage =
        ProviderUsage.of(
            List.of(
                pact("web", "1.0.0", v3("web", String.format(byId, "1", "1.5"))),
                pact("mobile", "2.3.0", v3("mobile", String.format(byId, "2", "2.5")))));
    // WHEN
    Endpoint e = usage.endpoints().get(0);
    // THEN
    assertThat(usage.endpoints()).hasSize(1);
    assertThat(e.name()).isEqualTo("GET /api/products/{param}");
    assertThat(e.examples()).containsExactly("/api/products/prod-001", "/api/products/prod-002");
    assertThat(e.consumerCount()).isEqualTo(2);
    assertThat(field(e, "body $.price").consumerCount()).isEqualTo(2);
    assertThat(field(e, "body $.price").uses())
        .extracting(
            ProviderUsage.Use::consumer, ProviderUsage.Use::version, ProviderUsage.Use::matcher)
        .containsExactly(tuple("web", "1.0.0", "exact"), tuple("mobile", "2.3.0", "exact"));
  }

  @Test
  void usesGroupByMatcherAndLongVersionsAreShortened() {
    String withRule =
        "{'description':'a','request':{'method':'GET','path':'/p'},'response':{'status':200,'body':{'id':1},"
            + "'matchingRules':{'body':{'$.id':{'matchers':[{'match':'integer'}]}}}}}";
    String without =
        "{'description':'a','request':{'method':'GET','path':'/p'},'response':{'status':200,'body':{'id':1}}}";
    String sha = "0123456789abcdef0123456789abcdef01234567";
    Field id =
        field(
            ProviderUsage.of(
                    List.of(
                        pact("a", sha, v3("a", withRule)),
                        pact("b", "2", v3("b", without)),
                        pact("c", "3", v3("c", withRule))))
                .endpoints()
                .get(0),
            "body $.id");
    assertThat(id.byMatcher())
        .extracting(ProviderUsage.MatcherGroup::matcher, ProviderUsage.MatcherGroup::consumers)
        .containsExactly(tuple("integer", "a 0123456789ab…, c 3"), tuple("exact", "b 2"));
  }

  @Test
  void withoutARegexOrGeneratorEachExamplePathIsItsOwnEndpoint() {
    String byId =
        "{'description':'get product %s','request':{'method':'GET','path':'/api/products/%s'},'response':{'status':200}}";
    ProviderUsage usage =
        ProviderUsage.of(
            List.of(
                pact(
                    "web",
                    "1",
                    v3(
                        "web",
                        String.format(byId, "1", "1") + "," + String.format(byId, "2", "2")))));
    assertThat(usage.endpoints())
        .extracting(Endpoint::name)
        .containsExactly("GET /api/products/1", "GET /api/products/2");
    assertThat(usage.endpoints().get(0).examples()).isEmpty();
  }

  @Test
  void aProviderStateGeneratorOnThePathNamesTheParameter() {
    String json =
        v3(
            "web",
            "{'description':'get product','providerStates':[{'name':'a product','params':{'id':'prod-9'}}],"
                + "'request':{'method':'GET','path':'/api/products/prod-001','generators':{'path':{'type':'ProviderState','expression':'/api/products/${id}'}}},"
                + "'response':{'status':200,'body':{'id':'prod-001'}}}");
    Endpoint e = ProviderUsage.of(List.of(pact("web", "1", json))).endpoints().get(0);
    assertThat(e.name()).isEqualTo("GET /api/products/{id}");
    assertThat(e.examples()).containsExactly("/api/products/prod-001");
  }

  @Test
  void messagePactsGroupByDescriptionWithFieldsFromTheContentsAndMetadata() {
    // GIVEN a V3 message pact
    String json =
        "{'consumer':{'name':'search-indexer'},'provider':{'name':'products'},'messages':[{'description':'product created',"
            + "'contents':{'id':'prod-1','prices':[{'amount':10,'currency':'EUR'}]},'metaData':{'contentType':'application/json','topic':'products'},"
            + "'matchingRules':{'body':{'$.prices':{'matchers':[{'match':'type','min':1}]},'$.prices[*].currency':{'matchers':[{'match':'regex','regex':'[A-Z]{3}'}]}}}}],"
            + "'metadata':{'pactSpecification':{'version':'3.0.0'}}}";
    // WHEN
    Endpoint e = ProviderUsage.of(List.of(pact("search-indexer", "5", json))).endpoints().get(0);
    // THEN
    assertThat(e.kind()).isEqualTo("message");
    assertThat(e.name()).isEqualTo("product created");
    assertThat(e.responseFields())
        .extracting(Field::label)
        .containsExactly(
            "metadata contentType",
            "metadata topic",
            "body $.id",
            "body $.prices",
            "body $.prices[*].amount",
            "body $.prices[*].currency");
    assertThat(field(e, "body $.prices[*].currency").uses().get(0).matcher())
        .isEqualTo("regex [A-Z]{3}");
    assertThat(field(e, "body $.prices[*].amount").uses().get(0).matcher())
        .isEqualTo("type min 1 (from $.prices)");
  }

  @Test
  void v4PactsGiveRequestBodyFieldsQueryParametersAndMessages() {
    // GIVEN a V4 pact with an HTTP interaction (JSON request body, query) and an asynchronous
    // message
    String json =
        "{'consumer':{'name':'checkout'},'provider':{'name':'products'},'interactions':["
            + "{'type':'Synchronous/HTTP','description':'reserve stock','request':{'method':'POST','path':'/api/reservations','query':{'dryRun':['true']},"
            + "'headers':{'Content-Type':['application/json']},'body':{'content':{'sku':'A1','quantity':2},'contentType':'application/json','encoded':false},"
            + "'matchingRules':{'body':{'$.quantity':{'combine':'AND','matchers':[{'match':'integer'}]}},'query':{'dryRun':{'combine':'AND','matchers':[{'match':'regex','regex':'true|false'}]}}}},"
            + "'response':{'status':201,'body':{'content':{'reservationId':'r-1'},'contentType':'application/json','encoded':false},"
            + "'matchingRules':{'status':{'combine':'AND','matchers':[{'match':'statusCode','status':'success'}]}}}},"
            + "{'type':'Asynchronous/Messages','description':'stock low','contents':{'content':{'sku':'A1'},'contentType':'application/json','encoded':false},"
            + "'metadata':{'contentType':'application/json'}}],"
            + "'metadata':{'pactSpecification':{'version':'4.0'}}}";
    // WHEN
    ProviderUsage usage = ProviderUsage.of(List.of(pact("checkout", "9.9.9", json)));
    // THEN
    assertThat(usage.endpoints())
        .extracting(Endpoint::kind, Endpoint::name)
        .containsExactly(tuple("HTTP", "POST /api/reservations"), tuple("message", "stock low"));
    Endpoint post = usage.endpoints().get(0);
    assertThat(post.requestFields())
        .extracting(Field::label)
        .containsExactly("query dryRun", "header Content-Type", "body $.sku", "body $.quantity");
    assertThat(field(post, "query dryRun").uses().get(0).matcher()).isEqualTo("regex true|false");
    assertThat(field(post, "body $.quantity").uses().get(0).matcher()).isEqualTo("integer");
    assertThat(field(post, "status 201").uses().get(0).matcher()).isEqualTo("status success");
    assertThat(field(post, "body $.reservationId").uses())
        .extracting(ProviderUsage.Use::version)
        .containsExactly("9.9.9");
    assertThat(field(usage.endpoints().get(1), "body $.sku").consumerCount()).isEqualTo(1);
  }

  @Test
  void aFilterKeepsMatchingFieldsOrWholeMatchingEndpoints() {
    ProviderUsage usage = ProviderUsage.of(List.of(pact("web", "1", v3("web", LIST))));
    ProviderUsage byField = usage.filter("PRICE");
    assertThat(byField.endpoints()).hasSize(1);
    assertThat(byField.endpoints().get(0).responseFields())
        .extracting(Field::label)
        .containsExactly("body $.items[*].price");
    assertThat(usage.filter("/api/products").fieldCount()).isEqualTo(usage.fieldCount());
    assertThat(usage.filter("nothing-like-this").endpoints()).isEmpty();
    assertThat(usage.filter(" ")).isSameAs(usage);
  }

  @Test
  void aConsumerUsingAFieldInTwoInteractionsIsCountedOnceWithBothMatchers() {
    String a =
        "{'description':'a','request':{'method':'GET','path':'/p'},'response':{'status':200,'body':{'id':1},"
            + "'matchingRules':{'body':{'$.id':{'matchers':[{'match':'integer'}]}}}}}";
    String b =
        "{'description':'b','providerState':'other','request':{'method':'GET','path':'/p'},'response':{'status':200,'body':{'id':1}}}";
    Field id =
        field(
            ProviderUsage.of(List.of(pact("web", "1", v3("web", a + "," + b)))).endpoints().get(0),
            "body $.id");
    assertThat(id.uses()).containsExactly(new ProviderUsage.Use("web", "1", "integer; exact"));
  }
}
