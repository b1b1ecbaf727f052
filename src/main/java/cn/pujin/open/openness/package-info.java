/**
 * The public "政府开放" column: upcoming and past events, summaries and photos of past events (reviewed), the feeds,
 * statistics and their exports — read from what each feature counts of its own.
 * <p>Tables: event_summary, event_photo.
 * <p>Fires: nothing.
 * <p>Observes: nothing.
 */
package cn.pujin.open.openness;
