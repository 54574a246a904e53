package geosim.store.gossip;

/** Checks endpoint names: a node is named by its actor path, e.g. {@code us-east/use1-a/rack-3/srv-12}. */
final class Endpoints {
  private Endpoints() {}

  static String check(String endpoint, String name) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException(name + " must be a non-blank node name, got '" + endpoint + "'");
    }
    return endpoint;
  }
}
