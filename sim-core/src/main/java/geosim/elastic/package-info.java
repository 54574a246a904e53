/**
 * Elasticity layer: autoscaling as pure logic. An {@link geosim.elastic.AutoscalingPolicy} (target
 * tracking, step scaling, or none) turns an observation of a fleet into a desired size; the
 * {@link geosim.elastic.Autoscaler} applies scheduled bounds, min and max, cool-downs, the
 * provisioning delay of new instances and the draining of removed ones. No actor coupling: the
 * fluid fleet model ({@code geosim.fleet}) drives it from its region actors, and a per-request
 * model or a lab can drive it the same way. Depends on nothing else of geosim.
 */
package geosim.elastic;
