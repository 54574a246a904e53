/**
 * The object store tier ({@code store.object-store}): an S3-like service per region, reached by the
 * app tier over the access hop, that answers a get or put after a first-byte latency plus the
 * object's size over one stream's bandwidth, and counts requests, bytes, stored byte-seconds and
 * their price. Sits on the kernel and the fabric's message type; the app tier in {@code
 * geosim.store.client} uses it.
 */
package geosim.store.objects;
