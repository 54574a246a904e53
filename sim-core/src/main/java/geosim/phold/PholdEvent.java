package geosim.phold;

/** The one message of PHOLD: "an event happens to you". Carries nothing. */
public record PholdEvent() {
  static final PholdEvent INSTANCE = new PholdEvent();
}
