package geosim.autoscale;

import geosim.elastic.AutoscalerSettings;

/**
 * The per-request store model's autoscalers ({@code store.autoscaler}): one per role and region,
 * with the same settings in every region. A role without settings is not scaled.
 *
 * @param app the app servers' autoscaler: the pool of each region is {@code max} app servers, the
 *     first {@code min} in service at the start; or null
 * @param store the store nodes' autoscaler: of each region's store servers the first {@code min}
 *     are on the ring at the start and the next {@code max - min} are spares; or null
 */
public record AutoscaleSettings(AutoscalerSettings app, AutoscalerSettings store) {
  public AutoscaleSettings {
    if (app == null && store == null) throw new IllegalArgumentException("no role to scale: use null settings instead");
  }
}
