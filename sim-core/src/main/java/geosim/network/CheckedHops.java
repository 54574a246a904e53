package geosim.network;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The hops of a route that {@link IndexedRoutes} built, so known contiguous: an immutable list
 * over an array that it hands over, which {@link Route} takes without copying or checking again.
 * Routes are made per message, and checking that each hop starts where the one before ends (a
 * string comparison per hop) and copying the list cost more than building the route.
 * {@code RoutesTest} checks that these routes equal the checked ones of {@link Routes}.
 */
final class CheckedHops extends AbstractList<Hop> implements RandomAccess {
  private final Hop[] hops;

  /** @param hops contiguous hops; the caller hands the array over and never changes it */
  CheckedHops(Hop[] hops) {
    this.hops = hops;
  }

  @Override
  public Hop get(int index) {
    return hops[index];
  }

  @Override
  public int size() {
    return hops.length;
  }
}
