import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a V4 pact with N interactions, each with a provider state with params and a JSON body with matchers. */
public class GeneratePact {
  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    StringBuilder sb = new StringBuilder("{\"consumer\":{\"name\":\"orders-service\"},\"provider\":{\"name\":\"products-service\"},\"interactions\":[\n");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(",\n");
      }
      sb.append("{\"type\":\"Synchronous/HTTP\",\"description\":\"get product ").append(i).append("\",")
          .append("\"providerStates\":[{\"name\":\"a product exists\",\"params\":{\"id\":").append(i)
          .append(",\"name\":\"product ").append(i).append("\"}}],")
          .append("\"request\":{\"method\":\"GET\",\"path\":\"/products/").append(i)
          .append("\",\"headers\":{\"Accept\":[\"application/json\"]}},")
          .append("\"response\":{\"status\":200,\"headers\":{\"Content-Type\":[\"application/json\"]},")
          .append("\"body\":{\"content\":{\"id\":").append(i).append(",\"name\":\"product ").append(i)
          .append("\",\"price\":12.5,\"inStock\":true,\"tags\":[\"book\"],\"supplier\":{\"id\":\"s-1\",\"country\":\"NZ\"}},")
          .append("\"contentType\":\"application/json\",\"encoded\":false},")
          .append("\"matchingRules\":{\"body\":{")
          .append("\"$.id\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"integer\"}]},")
          .append("\"$.name\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]},")
          .append("\"$.price\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"decimal\"}]},")
          .append("\"$.inStock\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"boolean\"}]},")
          .append("\"$.tags\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\",\"min\":1}]},")
          .append("\"$.supplier.id\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"s-\\\\d+\"}]}")
          .append("}}}}");
    }
    sb.append("\n],\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}\n");
    Files.writeString(out, sb.toString());
  }
}
