package geosim.cluster;

import java.io.PrintStream;
import java.util.List;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Prints one line when this member has joined the cluster (weakly up or up, whichever comes
 * first). On the seed ({@code others}) it also prints every other member that comes up or is
 * removed, so the operator sees the cluster form, and sees a dead worker being downed.
 */
final class MemberLog {
  private MemberLog() {}

  static Behavior<ClusterEvent.MemberEvent> create(String role, PrintStream out, boolean others) {
    return Behaviors.setup(ctx -> {
      Cluster cluster = Cluster.get(ctx.getSystem());
      Address self = cluster.selfMember().address();
      cluster.subscriptions().tell(Subscribe.create(ctx.getSelf(), ClusterEvent.MemberEvent.class));
      boolean[] joined = {false};
      return Behaviors.receive(ClusterEvent.MemberEvent.class)
          .onAnyMessage(e -> {
            boolean up = e instanceof ClusterEvent.MemberUp || e instanceof ClusterEvent.MemberWeaklyUp;
            if (e.member().address().equals(self)) {
              if (up && !joined[0]) out.println("geosim: " + role + " joined the cluster as " + self);
              joined[0] |= up;
            } else if (others && (e instanceof ClusterEvent.MemberUp || e instanceof ClusterEvent.MemberRemoved)) {
              out.println("geosim: member " + (up ? "up" : "removed") + ": " + e.member().address() + " "
                  + roles(e.member()));
            }
            return Behaviors.same();
          })
          .build();
    });
  }

  private static List<String> roles(Member member) {
    return member.getRoles().stream().filter(r -> !r.startsWith("dc-")).sorted().toList();
  }
}
