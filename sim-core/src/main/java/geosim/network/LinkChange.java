package geosim.network;

/**
 * From {@code atNs} on, link {@code linkId} carries {@code backgroundBps} of background flows
 * and is cut or not. See {@link LinkSchedule}.
 *
 * @param atNs virtual time of the change, ns, >= 0
 * @param linkId the directed link, >= 0
 * @param backgroundBps rate background flows take, bit/s, 0 to the link's capacity; 0 while cut
 * @param cut true while the link is cut (a message offered to it is lost)
 */
public record LinkChange(long atNs, int linkId, double backgroundBps, boolean cut) {
  public LinkChange {
    if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
    if (linkId < 0) throw new IllegalArgumentException("linkId must be >= 0, got " + linkId);
    if (!(backgroundBps >= 0)) throw new IllegalArgumentException("backgroundBps must be >= 0, got " + backgroundBps);
  }
}
