package geosim.fabric;

import geosim.network.LinkChange;
import java.util.List;

/**
 * The link schedule changed while the run goes on (a cut, a partition or a storm injected at its
 * delivery time): the receiving port owner drops the rest of its old schedule and follows this
 * one. Sent by {@link Fabric#reschedule}, so only to owners whose links it changes.
 *
 * @param changes the state of each of the owner's links at the delivery time, then their later
 *     changes, by time, then link id
 */
public record LinkScheduleChanged(List<LinkChange> changes) implements PortsMessage {
  public LinkScheduleChanged {
    changes = List.copyOf(changes);
  }
}
