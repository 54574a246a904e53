/**
 * Autoscaling inside the per-request store model: one {@link geosim.autoscale.RoleAutoscaler}
 * actor per role (app servers, store nodes) and region, deciding with {@code geosim.elastic}'s
 * policies and rule, and provisioning, draining and decommissioning real instances of the store
 * model ({@code geosim.store}) by messages. Sits above the store and the elastic logic; nothing of
 * the store depends on it.
 */
package geosim.autoscale;
